//! The next ingredient a relationship needs, in the article's order: invite, prepare, agree, set
//! goals, plan sessions.

use crate::{
    agreement::Agreement,
    goals::Goal,
    prepare::Preparation,
    relationships::{RelationshipView, Role},
    roadmap::sessions,
    sync::{declare::RecordKind, replica::Replica},
};
use uuid::Uuid;

/// A step of starting a relationship, in the order the article gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Nobody has accepted the invite yet.
    Invite,
    /// I have shared none of my preparation (or withdrew all of it).
    Prepare,
    /// Not both of us have signed the agreement yet.
    Agree,
    /// No goal is set.
    Goals,
    /// No session is planned.
    Plan,
}

impl Step {
    /// Where the step is done.
    pub fn href(self, relationship: Uuid) -> String {
        match self {
            Step::Invite => format!("/r/{relationship}"),
            Step::Prepare => format!("/r/{relationship}/prepare"),
            Step::Agree => format!("/r/{relationship}/agreement"),
            Step::Goals => format!("/r/{relationship}/goals"),
            Step::Plan => format!("/r/{relationship}/roadmap"),
        }
    }
}

/// The first step not yet done after the last one done, so that a step a pair skipped is not
/// asked for once they have gone past it; `None` once sessions are planned, or for an ended
/// relationship.
pub fn next_step(replica: &Replica, r: &RelationshipView) -> Option<Step> {
    if r.ended_at.is_some() {
        return None;
    }
    if r.partner_name.is_none() {
        return Some(Step::Invite);
    }
    let id = r.id;
    let agreement = Agreement::read(replica, id);
    let done = [
        (
            Step::Prepare,
            Preparation::count(&Preparation::read(replica, id, r.my_role).mine) > 0,
        ),
        (
            Step::Agree,
            [Role::Mentor, Role::Mentee]
                .iter()
                .all(|role| !agreement.signatures[*role as usize].is_empty()),
        ),
        (
            Step::Goals,
            replica
                .of(id, &Goal::SPEC.kind)
                .any(|(g, record)| Goal::read(*g, record).is_some()),
        ),
        (Step::Plan, !sessions(replica, id).is_empty()),
    ];
    let after = done
        .iter()
        .rposition(|(_, done)| *done)
        .map_or(0, |i| i + 1);
    done.get(after).map(|(step, _)| *step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agreement::{canonical, Signature, SignatureSet, TermSet},
        goals::Status,
        prepare::{Shared, SharedSet},
        roadmap::Session,
        screens::fixture::{made, view, Device, REL},
    };
    use chrono::NaiveDate;

    /// The next step of the mentee of [`REL`], with a partner of that name once one joined.
    fn step(device: &Device, partner: Option<&str>) -> Option<Step> {
        let r = RelationshipView {
            partner_name: partner.map(Into::into),
            ..view(REL, Role::Mentee)
        };
        next_step(&device.replica, &r)
    }

    fn share(device: &mut Device, id: u128, author: Role) {
        let mut writes = Shared::new(author);
        writes.push(SharedSet::Want("To lead".into()));
        device.write(id, writes);
    }

    fn sign(device: &mut Device, id: u128, who: Role) {
        let terms = Agreement::read(&device.replica, REL).terms;
        let mut writes = Signature::new(who, made());
        writes.push(SignatureSet::Terms(canonical(&terms)));
        device.write(id, writes);
    }

    fn goal(device: &mut Device, id: u128) {
        device.write(
            id,
            Goal::new("Lead a team meeting".into(), Status::Active, made()),
        );
    }

    fn session(device: &mut Device, id: u128) {
        let day = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        device.write(id, Session::new(day, made()));
    }

    #[test]
    fn a_relationship_nobody_has_joined_asks_for_the_invite_first() {
        assert_eq!(step(&Device::new(), None), Some(Step::Invite));
    }

    #[test]
    fn a_new_pair_goes_through_prepare_agree_goals_and_plan_in_that_order() {
        let mut device = Device::new();
        assert_eq!(step(&device, Some("Menno")), Some(Step::Prepare));
        share(&mut device, 1, Role::Mentee);
        assert_eq!(step(&device, Some("Menno")), Some(Step::Agree));
        device.write(2, [TermSet::Scope("Careers".into())]);
        sign(&mut device, 3, Role::Mentee);
        assert_eq!(step(&device, Some("Menno")), Some(Step::Agree));
        sign(&mut device, 4, Role::Mentor);
        assert_eq!(step(&device, Some("Menno")), Some(Step::Goals));
        goal(&mut device, 5);
        assert_eq!(step(&device, Some("Menno")), Some(Step::Plan));
        session(&mut device, 6);
        assert_eq!(step(&device, Some("Menno")), None);
    }

    #[test]
    fn only_my_own_shared_preparation_counts_as_my_preparing() {
        let mut device = Device::new();
        share(&mut device, 1, Role::Mentor);
        assert_eq!(step(&device, Some("Menno")), Some(Step::Prepare));
    }

    #[test]
    fn preparation_shared_and_then_emptied_again_is_not_done() {
        let mut device = Device::new();
        share(&mut device, 1, Role::Mentee);
        device.write(1, [SharedSet::Want(String::new())]);
        assert_eq!(step(&device, Some("Menno")), Some(Step::Prepare));
    }

    #[test]
    fn a_step_the_pair_went_past_is_not_asked_for() {
        let mut device = Device::new();
        goal(&mut device, 1);
        assert_eq!(step(&device, Some("Menno")), Some(Step::Plan));
    }
}
