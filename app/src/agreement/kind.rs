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
        declare::{Flag, Instant, Maybe, Notes, One, OptClock, OptDate, OptInt, RecordKind, Write},
        replica::{Record, Replica, Stamped},
        schema::{parse_clock, parse_date, IdRule},
        Hlc,
    },
};
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::BTreeMap;
use uuid::Uuid;

pub const TEXT_MAX: usize = 1000;
pub const PLACE_MAX: usize = 300;
pub const HOURS_MAX: usize = 200;
/// Longer than any IANA zone name.
pub const ZONE_MAX: usize = 64;
/// The longest a meeting can be agreed to last, in minutes, as a session can.
pub const DURATION_MAX: u32 = 600;
/// Meeting lengths offered, in minutes.
pub const DURATIONS: &[u32] = &[30, 45, 60, 90, 120];
/// Room for every term at its longest, written out.
const TERMS_MAX: usize = 20_000;

crate::sync::choice! {
    /// How often the pair meets: the roadmap proposes sessions from it.
    pub enum Frequency {
        Weekly = "weekly",
        Biweekly = "biweekly",
        Monthly = "monthly",
    }
}

crate::sync::choice! {
    /// The day of the week the pair meets.
    pub enum Day {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
}

impl Day {
    pub fn weekday(self) -> chrono::Weekday {
        use chrono::Weekday::*;
        [Mon, Tue, Wed, Thu, Fri, Sat, Sun][self as usize]
    }
}

crate::sync::choice! {
    /// How soon each replies to the other.
    pub enum ReplyTime {
        SameDay = "same_day",
        NextDay = "next_day",
        TwoDays = "two_days",
        Week = "week",
    }
}

crate::sync::record_kind! {
    /// The terms: one record per relationship, both edit every field. In the order the page
    /// shows them.
    pub struct Terms {
        kind: "agreement",
        fields: Term,
        writes: TermSet,
        private: false,
        deletable: false,
        id: IdRule::Random,
        owner: [],
        label: [],
    }
    required {}
    optional {
        role_mentor RoleMentor: Notes<TEXT_MAX> = Both,
        role_mentee RoleMentee: Notes<TEXT_MAX> = Both,
        expect_mentor ExpectMentor: Notes<TEXT_MAX> = Both,
        expect_mentee ExpectMentee: Notes<TEXT_MAX> = Both,
        scope Scope: Notes<TEXT_MAX> = Both,
        frequency Frequency: Maybe<Frequency> = Both,
        weekday Weekday: Maybe<Day> = Both,
        time Time: OptClock = Both,
        duration Duration: OptInt<1, DURATION_MAX> = Both,
        place Place: Notes<PLACE_MAX> = Both,
        /// The IANA name of the zone the meeting times are in (`Europe/Amsterdam`), for calendars.
        time_zone TimeZone: Notes<ZONE_MAX> = Both,
        by_email ByEmail: Flag = Both,
        by_phone ByPhone: Flag = Both,
        by_chat ByChat: Flag = Both,
        hours_mentor HoursMentor: Notes<HOURS_MAX> = Both,
        hours_mentee HoursMentee: Notes<HOURS_MAX> = Both,
        reply_time ReplyTime: Maybe<ReplyTime> = Both,
        middle Middle: Notes<TEXT_MAX> = Both,
        end_date EndDate: OptDate = Both,
    }
}

crate::sync::record_kind! {
    /// One signing: a record of its own each time, written once by the signer, so that every
    /// version both signed stays on record and nobody can rewrite what was signed.
    pub struct Signature {
        kind: "agreement_signature",
        fields: SignatureField,
        writes: SignatureSet,
        private: false,
        deletable: false,
        id: IdRule::Random,
        owner: [],
        label: [],
    }
    required {
        author Author: One<Role> = OwnRoleOnce,
        signed_at SignedAt: Instant = CreatorOnce,
    }
    optional {
        /// The terms as signed, in their canonical text.
        terms Terms: Notes<TERMS_MAX> = CreatorOnce,
    }
}

impl Term {
    /// A person's own view (their role, what they expect, when they can be reached).
    pub fn role_of(role: Role, mentor: Term, mentee: Term) -> Term {
        match role {
            Role::Mentor => mentor,
            Role::Mentee => mentee,
        }
    }

    /// The write of this term from the text a control of the page holds (a choice's word, a
    /// time, a date, "true" for a ticked box; empty for none); none for a text it cannot hold.
    pub fn typed(self, text: &str) -> Option<TermSet> {
        use crate::sync::declare::Choice;
        let owned = || text.to_owned();
        // Empty is none chosen; else the value, if the text is one.
        fn choice<T>(text: &str, value: Option<T>) -> Option<Option<T>> {
            if text.trim().is_empty() {
                Some(None)
            } else {
                value.map(Some)
            }
        }
        Some(match self {
            Term::RoleMentor => TermSet::RoleMentor(owned()),
            Term::RoleMentee => TermSet::RoleMentee(owned()),
            Term::ExpectMentor => TermSet::ExpectMentor(owned()),
            Term::ExpectMentee => TermSet::ExpectMentee(owned()),
            Term::Scope => TermSet::Scope(owned()),
            Term::Place => TermSet::Place(owned()),
            Term::TimeZone => TermSet::TimeZone(text.trim().to_owned()),
            Term::HoursMentor => TermSet::HoursMentor(owned()),
            Term::HoursMentee => TermSet::HoursMentee(owned()),
            Term::Middle => TermSet::Middle(owned()),
            Term::Frequency => TermSet::Frequency(choice(text, Frequency::parse(text))?),
            Term::Weekday => TermSet::Weekday(choice(text, Day::parse(text))?),
            Term::ReplyTime => TermSet::ReplyTime(choice(text, ReplyTime::parse(text))?),
            Term::Time => TermSet::Time(choice(text, parse_clock(text))?),
            Term::EndDate => TermSet::EndDate(choice(text, parse_date(text))?),
            Term::Duration => TermSet::Duration(choice(text, text.parse().ok())?),
            Term::ByEmail => TermSet::ByEmail(text == "true"),
            Term::ByPhone => TermSet::ByPhone(text == "true"),
            Term::ByChat => TermSet::ByChat(text == "true"),
        })
    }
}

/// Each term's value as signed and compared: every term present, a blank text and an unset
/// one alike (null). The time zone came later: left out while unset, so that the texts signed
/// before it still match.
pub fn values(terms: &Terms) -> BTreeMap<&'static str, Value> {
    terms
        .to_writes()
        .into_iter()
        .map(Write::field)
        .map(|(name, value)| match value {
            Value::String(s) if s.trim().is_empty() => (name, Value::Null),
            value => (name, value),
        })
        .filter(|(name, value)| !(*name == Term::TimeZone.name() && value.is_null()))
        .collect()
}

/// A term's value as a control of the page holds it: see [`Term::typed`].
pub fn text_of(terms: &Terms, term: Term) -> String {
    match values(terms).remove(term.name()) {
        Some(Value::String(s)) => s,
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// One record holding `fields`, to read as a kind reads it.
fn record_of(fields: impl IntoIterator<Item = (String, Value, Hlc)>) -> Record {
    Record {
        kind: Terms::SPEC.kind.clone(),
        relationship: Uuid::nil(),
        private: false,
        fields: fields
            .into_iter()
            .map(|(name, value, hlc)| (name, Stamped { value, hlc }))
            .collect(),
    }
}

/// Terms with nothing agreed yet.
pub fn blank() -> Terms {
    parse_terms("{}").unwrap_or_else(|| unreachable!("every term is optional"))
}

/// The agreement as this device has it.
#[derive(Debug, Clone, PartialEq)]
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
fn merged<'a>(records: impl Iterator<Item = (&'a Uuid, &'a Record)>) -> (Terms, Option<Uuid>) {
    let mut fields: BTreeMap<&str, &Stamped> = BTreeMap::new();
    let mut first: Option<Uuid> = None;
    for (id, record) in records {
        if first.is_none_or(|f| *id < f) {
            first = Some(*id);
        }
        for (name, stamped) in &record.fields {
            let newer = fields
                .get(name.as_str())
                .is_none_or(|seen| stamped.hlc > seen.hlc);
            if newer {
                fields.insert(name.as_str(), stamped);
            }
        }
    }
    let record = record_of(
        fields
            .into_iter()
            .map(|(k, s)| (k.to_owned(), s.value.clone(), s.hlc)),
    );
    let terms = Terms::read(first.unwrap_or_default(), &record).unwrap_or_else(blank);
    (terms, first)
}

/// The terms in one text, the same on every device for the same terms: every term in a fixed
/// order (keys sorted), unset ones as null.
pub fn canonical(terms: &Terms) -> String {
    serde_json::to_string(&values(terms)).unwrap_or_default()
}

/// The terms a canonical text holds; none for text that is not one.
pub fn parse_terms(text: &str) -> Option<Terms> {
    let Value::Object(map) = serde_json::from_slice(text.as_bytes()).ok()? else {
        return None;
    };
    let stamp = Hlc {
        millis: 0,
        counter: 0,
        node: crate::sync::NodeId(0),
    };
    let record = record_of(map.into_iter().map(|(k, v)| (k, v, stamp)));
    Terms::read(Uuid::nil(), &record)
}

/// The terms that differ between two versions, in the page's order.
pub fn changed(before: &Terms, after: &Terms) -> Vec<Term> {
    let (before, after) = (values(before), values(after));
    Term::ALL
        .iter()
        .copied()
        .filter(|t| before.get(t.name()) != after.get(t.name()))
        .collect()
}

/// How long a change needs to have been on screen before a signature counts for it.
pub const READ_TIME_MS: u64 = 3000;

/// What a signing at `now` holds: the terms on screen (`shown`), unless the partner's change
/// arrived less than [`READ_TIME_MS`] before (at `arrived`, replacing the terms `before`, none
/// when nothing arrived): then the terms before it, which the signer had read.
pub fn what_is_signed(shown: String, before: &str, arrived: u64, now: u64) -> String {
    if !before.is_empty() && now.saturating_sub(arrived) < READ_TIME_MS {
        before.to_owned()
    } else {
        shown
    }
}

impl Agreement {
    pub fn read(replica: &Replica, relationship: Uuid) -> Self {
        let (terms, record) = merged(replica.of(relationship, &Terms::SPEC.kind));
        let mut signatures: [Vec<Signature>; 2] = Default::default();
        for (id, record) in replica.of(relationship, &Signature::SPEC.kind) {
            if let Some(signature) = Signature::read(*id, record) {
                signatures[signature.author as usize].push(signature);
            }
        }
        for signed in &mut signatures {
            signed.sort_by(|a, b| {
                a.signed_at
                    .cmp(&b.signed_at)
                    .then_with(|| a.terms.cmp(&b.terms))
            });
        }
        let [mentor, mentee] = &signatures;
        let mut versions: Vec<(DateTime<Utc>, Terms)> = Vec::new();
        for first in mentor {
            let seen = versions.iter().any(|(_, t)| canonical(t) == first.terms);
            // Oldest first: the first match is when the mentee first signed these terms.
            let second = mentee.iter().find(|s| s.terms == first.terms);
            if let (false, Some(second), Some(terms)) = (seen, second, parse_terms(&first.terms)) {
                versions.push((first.signed_at.max(second.signed_at), terms));
            }
        }
        versions.sort_by_key(|v| std::cmp::Reverse(v.0));
        Agreement {
            terms,
            record,
            signatures,
            versions,
        }
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
    use crate::sync::{
        declare::{changes, Choice},
        NodeId,
    };

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

        fn write<W: Write>(&mut self, id: u128, writes: impl IntoIterator<Item = W>) {
            self.clock += 1;
            let hlc = Hlc {
                millis: self.clock,
                counter: 0,
                node: NodeId(1),
            };
            for change in changes(Uuid::from_u128(id), RELATIONSHIP, writes, hlc) {
                self.replica.apply(&change);
            }
        }

        fn sign(&mut self, id: u128, role: Role, terms: &str) {
            let at = DateTime::from_timestamp_millis(1_795_766_400_000 + self.clock as i64);
            let mut writes = Signature::new(role, at.unwrap());
            writes.push(SignatureSet::Terms(terms.to_owned()));
            self.write(id, writes);
        }

        fn read(&self) -> Agreement {
            Agreement::read(&self.replica, RELATIONSHIP)
        }
    }

    #[test]
    fn every_term_is_in_the_canonical_text_and_blank_or_unticked_equal_unset() {
        let mut log = Log::new();
        let empty = canonical(&log.read().terms);
        log.write(1, [TermSet::Scope("  ".into())]);
        log.write(1, [TermSet::ByEmail(false)]);
        assert_eq!(canonical(&log.read().terms), empty);
        log.write(1, [TermSet::TimeZone("Europe/Amsterdam".into())]);
        assert_eq!(values(&log.read().terms).len(), Term::ALL.len());
    }

    #[test]
    fn terms_signed_before_there_was_a_time_zone_stay_signed_until_one_is_set() {
        let mut log = Log::new();
        log.write(1, [TermSet::Scope("Career moves".into())]);
        // A signature's text as it was written before the time zone was a term.
        let mut before: serde_json::Map<String, Value> =
            serde_json::from_str(&canonical(&log.read().terms)).unwrap();
        assert!(before.remove(Term::TimeZone.name()).is_none());
        let before = Value::Object(before).to_string();
        log.sign(2, Role::Mentor, &before);
        log.sign(3, Role::Mentee, &before);
        assert!(log.read().signed_by_both());

        log.write(1, [TermSet::TimeZone("Europe/Amsterdam".into())]);
        assert_eq!(log.read().changed_since_signed(), vec![Term::TimeZone]);
    }

    #[test]
    fn both_signatures_on_the_current_terms_sign_it() {
        let mut log = Log::new();
        log.write(1, [TermSet::Frequency(Frequency::parse("weekly"))]);
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
        log.write(1, [TermSet::Frequency(Frequency::parse("weekly"))]);
        log.write(1, [TermSet::Scope("Career moves".into())]);
        let terms = canonical(&log.read().terms);
        log.sign(2, Role::Mentor, &terms);
        log.sign(3, Role::Mentee, &terms);
        let signed_at = log.read().signatures[Role::Mentee as usize][0].signed_at;
        assert_eq!(
            log.read().versions[0].0,
            signed_at,
            "when the second signed"
        );

        log.write(1, [TermSet::Frequency(Frequency::parse("monthly"))]);
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
        log.write(1, [TermSet::Frequency(Frequency::parse("weekly"))]);
        let weekly = canonical(&log.read().terms);
        log.sign(2, Role::Mentor, &weekly);
        log.sign(3, Role::Mentee, &weekly);
        log.write(1, [TermSet::Frequency(Frequency::parse("monthly"))]);
        let monthly = canonical(&log.read().terms);
        log.sign(4, Role::Mentee, &monthly);
        log.sign(5, Role::Mentor, &monthly);
        log.write(1, [TermSet::Scope("Career moves".into())]);
        let agreement = log.read();
        let kept: Vec<Option<Frequency>> = agreement
            .versions
            .iter()
            .map(|(_, t)| t.frequency)
            .collect();
        assert_eq!(
            kept,
            [Some(Frequency::Monthly), Some(Frequency::Weekly)],
            "latest first"
        );
        assert_eq!(agreement.changed_since_signed(), vec![Term::Scope]);
    }

    #[test]
    fn terms_changed_back_to_a_version_both_signed_are_signed_again() {
        let mut log = Log::new();
        log.write(1, [TermSet::Weekday(Day::parse("tue"))]);
        let tuesday = canonical(&log.read().terms);
        log.sign(2, Role::Mentor, &tuesday);
        log.sign(3, Role::Mentee, &tuesday);
        log.write(1, [TermSet::Weekday(Day::parse("thu"))]);
        assert!(!log.read().signed_by_both());
        log.write(1, [TermSet::Weekday(Day::parse("tue"))]);
        assert!(log.read().signed_by_both());
        assert_eq!(log.read().versions.len(), 1);
    }

    #[test]
    fn a_signature_on_terms_the_partner_had_just_changed_is_for_the_earlier_version() {
        let mut log = Log::new();
        log.write(1, [TermSet::Weekday(Day::parse("tue"))]);
        let seen = canonical(&log.read().terms);
        // The partner's change was made first but arrives after the signature.
        log.write(1, [TermSet::Weekday(Day::parse("thu"))]);
        log.sign(2, Role::Mentee, &seen);
        let agreement = log.read();
        assert!(!agreement.counts(Role::Mentee));
        assert_eq!(agreement.outdated(Role::Mentee), Some(vec![Term::Weekday]));
    }

    #[test]
    fn signing_just_after_the_partners_change_arrived_signs_the_terms_read_before_it() {
        let (shown, before) = ("thursday".to_owned(), "tuesday");
        assert_eq!(
            what_is_signed(shown.clone(), before, 10_000, 12_999),
            "tuesday"
        );
        assert_eq!(
            what_is_signed(shown.clone(), before, 10_000, 13_000),
            "thursday"
        );
        assert_eq!(
            what_is_signed(shown, "", 0, 1),
            "thursday",
            "nothing arrived"
        );
    }

    #[test]
    fn two_terms_records_started_offline_read_as_one() {
        let mut log = Log::new();
        log.write(9, [TermSet::Scope("older".into())]);
        log.write(3, [TermSet::Scope("newer".into())]);
        log.write(9, [TermSet::Place("Café Noord".into())]);
        let agreement = log.read();
        assert_eq!(agreement.terms.scope, "newer");
        assert_eq!(agreement.terms.place, "Café Noord");
        assert_eq!(agreement.record, Some(Uuid::from_u128(3)));
    }
}
