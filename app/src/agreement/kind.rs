//! The agreement: its terms (one record both edit), each person's signature, and the versions
//! both signed.
//!
//! A signature holds the terms exactly as the signer saw them (a canonical text of every term),
//! so it counts only while the terms are still those: any later change, or one the partner
//! made a moment before and the signer had not seen, leaves it for an earlier version. Every
//! signing is kept, so the versions both signed are the texts both people's signatures hold.

use crate::{
    relationships::Role,
    sync::{
        replica::{Record, Replica},
        schema::{instant, spec, KindSpec, Type, Writer},
        Hlc, Kind,
    },
};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use uuid::Uuid;

/// Every term of the agreement, in the order the page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    RoleMentor,
    RoleMentee,
    ExpectMentor,
    ExpectMentee,
    Scope,
    Frequency,
    Weekday,
    Time,
    Duration,
    Place,
    ByEmail,
    ByPhone,
    ByChat,
    HoursMentor,
    HoursMentee,
    ReplyTime,
    Middle,
    EndDate,
}

impl Term {
    pub const ALL: [Term; 18] = [
        Term::RoleMentor,
        Term::RoleMentee,
        Term::ExpectMentor,
        Term::ExpectMentee,
        Term::Scope,
        Term::Frequency,
        Term::Weekday,
        Term::Time,
        Term::Duration,
        Term::Place,
        Term::ByEmail,
        Term::ByPhone,
        Term::ByChat,
        Term::HoursMentor,
        Term::HoursMentee,
        Term::ReplyTime,
        Term::Middle,
        Term::EndDate,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Term::RoleMentor => "role_mentor",
            Term::RoleMentee => "role_mentee",
            Term::ExpectMentor => "expect_mentor",
            Term::ExpectMentee => "expect_mentee",
            Term::Scope => "scope",
            Term::Frequency => "frequency",
            Term::Weekday => "weekday",
            Term::Time => "time",
            Term::Duration => "duration",
            Term::Place => "place",
            Term::ByEmail => "by_email",
            Term::ByPhone => "by_phone",
            Term::ByChat => "by_chat",
            Term::HoursMentor => "hours_mentor",
            Term::HoursMentee => "hours_mentee",
            Term::ReplyTime => "reply_time",
            Term::Middle => "middle",
            Term::EndDate => "end_date",
        }
    }

    /// A person's own view (their role, what they expect, when they can be reached).
    pub fn role_of(role: Role, mentor: Term, mentee: Term) -> Term {
        match role {
            Role::Mentor => mentor,
            Role::Mentee => mentee,
        }
    }
}

pub const FREQUENCIES: &[&str] = &["weekly", "biweekly", "monthly"];
pub const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
pub const REPLY_TIMES: &[&str] = &["same_day", "next_day", "two_days", "week"];
/// Meeting lengths offered, in minutes.
pub const DURATIONS: &[i64] = &[30, 45, 60, 90, 120];
pub const TEXT_MAX: usize = 1000;

const fn term(t: Term, ty: Type) -> crate::sync::schema::FieldSpec {
    spec(t.name(), ty, Writer::Both)
}

/// The terms: one record per relationship, both edit every field.
pub const TERMS: KindSpec = KindSpec {
    kind: Kind::named("agreement"),
    fields: &[
        term(Term::RoleMentor, Type::Notes { max: TEXT_MAX }),
        term(Term::RoleMentee, Type::Notes { max: TEXT_MAX }),
        term(Term::ExpectMentor, Type::Notes { max: TEXT_MAX }),
        term(Term::ExpectMentee, Type::Notes { max: TEXT_MAX }),
        term(Term::Scope, Type::Notes { max: TEXT_MAX }),
        term(Term::Frequency, Type::OptionalOneOf(FREQUENCIES)),
        term(Term::Weekday, Type::OptionalOneOf(WEEKDAYS)),
        term(Term::Time, Type::OptionalClock),
        term(Term::Duration, Type::OptionalNumber),
        term(Term::Place, Type::Notes { max: 300 }),
        term(Term::ByEmail, Type::Bool),
        term(Term::ByPhone, Type::Bool),
        term(Term::ByChat, Type::Bool),
        term(Term::HoursMentor, Type::Notes { max: 200 }),
        term(Term::HoursMentee, Type::Notes { max: 200 }),
        term(Term::ReplyTime, Type::OptionalOneOf(REPLY_TIMES)),
        term(Term::Middle, Type::Notes { max: TEXT_MAX }),
        term(Term::EndDate, Type::OptionalDate),
    ],
    owner: None,
    label: None,
};

pub const AUTHOR: &str = "author";
pub const SIGNED_TERMS: &str = "terms";
pub const SIGNED_AT: &str = "signed_at";
/// Room for every term at its longest, written out.
const TERMS_MAX: usize = 20_000;

/// One signing: a record of its own each time, written once by the signer, so that every
/// version both signed stays on record and nobody can rewrite what was signed.
pub const SIGNATURE: KindSpec = KindSpec {
    kind: Kind::named("agreement_signature"),
    fields: &[
        spec(AUTHOR, Type::OneOf(Role::NAMES), Writer::OwnRoleOnce),
        spec(
            SIGNED_TERMS,
            Type::Notes { max: TERMS_MAX },
            Writer::CreatorOnce,
        ),
        spec(SIGNED_AT, Type::Time, Writer::CreatorOnce),
    ],
    owner: None,
    label: None,
};

/// The terms as values by field name, every term present (null when not set).
pub type Terms = Map<String, Value>;

/// One signing.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub terms: String,
    pub at: DateTime<Utc>,
}

/// The agreement as this device has it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Agreement {
    pub terms: Terms,
    /// The record the next edits go to, once there is one.
    pub record: Option<Uuid>,
    /// Each person's signings (mentor, mentee), oldest first.
    pub signatures: [Vec<Signature>; 2],
    /// Versions both signed, latest first, one per set of terms, with when the second signed.
    pub versions: Vec<(DateTime<Utc>, Terms)>,
}

/// The latest value of each field across records (two devices may each have started one
/// offline); the first record by id takes later edits.
fn merged<'a>(
    records: impl Iterator<Item = (&'a Uuid, &'a Record)>,
) -> (Map<String, Value>, Option<Uuid>) {
    let mut fields: std::collections::BTreeMap<&str, (Hlc, &Value)> = Default::default();
    let mut first: Option<Uuid> = None;
    for (id, record) in records {
        if first.is_none_or(|f| *id < f) {
            first = Some(*id);
        }
        for (name, stamped) in &record.fields {
            let newer = fields
                .get(name.as_str())
                .is_none_or(|(hlc, _)| stamped.hlc > *hlc);
            if newer {
                fields.insert(name.as_str(), (stamped.hlc, &stamped.value));
            }
        }
    }
    let map = fields
        .into_iter()
        .map(|(k, (_, v))| (k.to_owned(), v.clone()))
        .collect();
    (map, first)
}

/// The terms in one text, the same on every device for the same terms: every term in a fixed
/// order (keys sorted), unset ones as null.
pub fn canonical(terms: &Terms) -> String {
    Value::Object(terms.clone()).to_string()
}

/// The terms a canonical text holds; none for text that is not one.
pub fn parse_terms(text: &str) -> Option<Terms> {
    match serde_json::from_slice(text.as_bytes()).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// The terms that differ between two versions, in the page's order.
pub fn changed(before: &Terms, after: &Terms) -> Vec<Term> {
    Term::ALL
        .into_iter()
        .filter(|t| before.get(t.name()) != after.get(t.name()))
        .collect()
}

impl Agreement {
    pub fn read(replica: &Replica, relationship: Uuid) -> Self {
        let (fields, record) = merged(replica.of(relationship, &TERMS.kind));
        let terms: Terms = Term::ALL
            .into_iter()
            .map(|t| {
                let value = fields.get(t.name()).cloned().unwrap_or(Value::Null);
                // An unticked box and one never touched are the same term.
                let value = match (value, TERMS.field(t.name()).map(|f| f.ty)) {
                    (Value::Null, Some(Type::Bool)) => Value::Bool(false),
                    (Value::String(s), _) if s.trim().is_empty() => Value::Null,
                    (v, _) => v,
                };
                (t.name().to_owned(), value)
            })
            .collect();
        let mut out = Agreement {
            terms,
            record,
            ..Default::default()
        };
        for (_, record) in replica.of(relationship, &SIGNATURE.kind) {
            let role = record.get(AUTHOR).and_then(Value::as_str).map(Role::parse);
            let terms = record.get(SIGNED_TERMS).and_then(Value::as_str);
            let at = record.get(SIGNED_AT).and_then(instant);
            if let (Some(Ok(role)), Some(terms), Some(at)) = (role, terms, at) {
                let terms = terms.to_owned();
                out.signatures[role as usize].push(Signature { terms, at });
            }
        }
        for signed in &mut out.signatures {
            signed.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.terms.cmp(&b.terms)));
        }
        let [mentor, mentee] = &out.signatures;
        let mut versions: Vec<(DateTime<Utc>, Terms)> = Vec::new();
        for first in mentor {
            let seen = versions.iter().any(|(_, t)| canonical(t) == first.terms);
            // Oldest first: the first match is when the mentee first signed these terms.
            let second = mentee.iter().find(|s| s.terms == first.terms);
            if let (false, Some(second), Some(terms)) = (seen, second, parse_terms(&first.terms)) {
                versions.push((first.at.max(second.at), terms));
            }
        }
        versions.sort_by_key(|v| std::cmp::Reverse(v.0));
        out.versions = versions;
        out
    }

    /// This person's signature on the terms as they are now, else their latest.
    pub fn signature(&self, role: Role) -> Option<&Signature> {
        let signed = &self.signatures[role as usize];
        let now = canonical(&self.terms);
        signed
            .iter()
            .find(|s| s.terms == now)
            .or_else(|| signed.last())
    }

    /// Whether this person has signed the terms as they are now.
    pub fn counts(&self, role: Role) -> bool {
        let now = canonical(&self.terms);
        self.signatures[role as usize]
            .iter()
            .any(|s| s.terms == now)
    }

    pub fn signed_by_both(&self) -> bool {
        self.counts(Role::Mentor) && self.counts(Role::Mentee)
    }

    /// What changed since the version both signed last, while the current one is not signed.
    pub fn changed_since_signed(&self) -> Vec<Term> {
        match self.versions.first() {
            Some((_, signed)) if !self.signed_by_both() => changed(signed, &self.terms),
            _ => Vec::new(),
        }
    }

    /// A signature for an earlier version: what has changed since the terms it holds.
    pub fn outdated(&self, role: Role) -> Option<Vec<Term>> {
        let signature = self.signature(role).filter(|_| !self.counts(role))?;
        let signed = parse_terms(&signature.terms)?;
        Some(changed(&signed, &self.terms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{Change, NodeId};
    use serde_json::json;

    const RELATIONSHIP: Uuid = Uuid::from_u128(5);

    struct Log {
        replica: Replica,
        clock: u64,
    }

    impl Log {
        fn new() -> Self {
            Self {
                replica: Replica::default(),
                clock: 0,
            }
        }

        fn write(&mut self, id: u128, kind: &KindSpec, field: &str, value: Value) {
            self.clock += 1;
            self.replica.apply(&Change {
                record: Uuid::from_u128(id),
                relationship: RELATIONSHIP,
                kind: kind.kind.clone(),
                private: false,
                field: field.to_owned(),
                value,
                hlc: Hlc {
                    millis: self.clock,
                    counter: 0,
                    node: NodeId(1),
                },
            });
        }

        fn sign(&mut self, id: u128, role: Role, terms: &str) {
            self.write(id, &SIGNATURE, AUTHOR, json!(role.as_str()));
            self.write(id, &SIGNATURE, SIGNED_TERMS, json!(terms));
            self.write(
                id,
                &SIGNATURE,
                SIGNED_AT,
                json!(1_700_000_000_000u64 + self.clock),
            );
        }

        fn read(&self) -> Agreement {
            Agreement::read(&self.replica, RELATIONSHIP)
        }
    }

    #[test]
    fn every_term_is_in_the_canonical_text_and_blank_or_unticked_equal_unset() {
        let mut log = Log::new();
        let empty = canonical(&log.read().terms);
        log.write(1, &TERMS, "scope", json!("  "));
        log.write(1, &TERMS, "by_email", json!(false));
        assert_eq!(canonical(&log.read().terms), empty);
        assert_eq!(log.read().terms.len(), Term::ALL.len());
    }

    #[test]
    fn both_signatures_on_the_current_terms_sign_it() {
        let mut log = Log::new();
        log.write(1, &TERMS, "frequency", json!("weekly"));
        let terms = canonical(&log.read().terms);
        log.sign(2, Role::Mentor, &terms);
        assert!(log.read().counts(Role::Mentor) && !log.read().signed_by_both());
        log.sign(3, Role::Mentee, &terms);
        let agreement = log.read();
        assert!(agreement.signed_by_both());
        assert_eq!(agreement.versions.len(), 1);
    }

    #[test]
    fn a_change_after_signing_withdraws_both_and_names_what_changed() {
        let mut log = Log::new();
        log.write(1, &TERMS, "frequency", json!("weekly"));
        log.write(1, &TERMS, "scope", json!("Career moves"));
        let terms = canonical(&log.read().terms);
        log.sign(2, Role::Mentor, &terms);
        log.sign(3, Role::Mentee, &terms);
        let signed_at = log.read().signatures[Role::Mentee as usize][0].at;
        assert_eq!(
            log.read().versions[0].0,
            signed_at,
            "when the second signed"
        );

        log.write(1, &TERMS, "frequency", json!("monthly"));
        let agreement = log.read();
        assert!(!agreement.counts(Role::Mentor) && !agreement.counts(Role::Mentee));
        assert_eq!(agreement.changed_since_signed(), vec![Term::Frequency]);
        assert_eq!(
            agreement.outdated(Role::Mentee),
            Some(vec![Term::Frequency])
        );
        assert_eq!(agreement.versions.len(), 1, "the signed version is kept");
    }

    #[test]
    fn every_version_both_signed_is_kept_even_when_both_signed_offline_before_a_change() {
        let mut log = Log::new();
        log.write(1, &TERMS, "frequency", json!("weekly"));
        let weekly = canonical(&log.read().terms);
        log.sign(2, Role::Mentor, &weekly);
        log.sign(3, Role::Mentee, &weekly);
        log.write(1, &TERMS, "frequency", json!("monthly"));
        let monthly = canonical(&log.read().terms);
        log.sign(4, Role::Mentee, &monthly);
        log.sign(5, Role::Mentor, &monthly);
        log.write(1, &TERMS, "scope", json!("Career moves"));
        let agreement = log.read();
        let kept: Vec<&Value> = agreement
            .versions
            .iter()
            .map(|(_, t)| &t["frequency"])
            .collect();
        assert_eq!(kept, [&json!("monthly"), &json!("weekly")], "latest first");
        assert_eq!(agreement.changed_since_signed(), vec![Term::Scope]);
    }

    #[test]
    fn terms_changed_back_to_a_version_both_signed_are_signed_again() {
        let mut log = Log::new();
        log.write(1, &TERMS, "weekday", json!("tue"));
        let tuesday = canonical(&log.read().terms);
        log.sign(2, Role::Mentor, &tuesday);
        log.sign(3, Role::Mentee, &tuesday);
        log.write(1, &TERMS, "weekday", json!("thu"));
        assert!(!log.read().signed_by_both());
        log.write(1, &TERMS, "weekday", json!("tue"));
        assert!(log.read().signed_by_both());
        assert_eq!(log.read().versions.len(), 1);
    }

    #[test]
    fn a_signature_on_terms_the_partner_had_just_changed_is_for_the_earlier_version() {
        let mut log = Log::new();
        log.write(1, &TERMS, "weekday", json!("tue"));
        let seen = canonical(&log.read().terms);
        // The partner's change was made first but arrives after the signature.
        log.write(1, &TERMS, "weekday", json!("thu"));
        log.sign(2, Role::Mentee, &seen);
        let agreement = log.read();
        assert!(!agreement.counts(Role::Mentee));
        assert_eq!(agreement.outdated(Role::Mentee), Some(vec![Term::Weekday]));
    }

    #[test]
    fn two_terms_records_started_offline_read_as_one() {
        let mut log = Log::new();
        log.write(9, &TERMS, "scope", json!("older"));
        log.write(3, &TERMS, "scope", json!("newer"));
        log.write(9, &TERMS, "place", json!("Café Noord"));
        let agreement = log.read();
        assert_eq!(agreement.terms["scope"], json!("newer"));
        assert_eq!(agreement.terms["place"], json!("Café Noord"));
        assert_eq!(agreement.record, Some(Uuid::from_u128(3)));
    }
}
