//! A relationship's sessions as an iCalendar file (RFC 5545): one event per session, at the
//! pair's wall-clock time in their time zone.

use super::zone::{vtimezone, LOCAL};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use ics::{
    components::Property,
    escape_text,
    parameters::{TzIDParam, Value as ValueType},
    properties::{
        CalScale, Description, DtEnd, DtStart, LastModified, Location, Method, Sequence, Status,
        Summary, URL,
    },
    Event, ICalendar,
};
use uuid::Uuid;

/// One session as a calendar shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub id: Uuid,
    pub date: NaiveDate,
    /// None: the whole day.
    pub time: Option<NaiveTime>,
    pub minutes: Option<u32>,
    pub theme: String,
    pub place: String,
    pub agenda: Vec<String>,
    pub cancelled: bool,
    /// Rises with every change of the session.
    pub sequence: i64,
    /// The session's (or its agenda's) last change.
    pub changed: DateTime<Utc>,
}

/// What a calendar of one relationship holds, with the words it needs in the reader's language.
pub struct Sessions<'a> {
    pub name: &'a str,
    /// None: the pair have not given theirs, so times are floating (each calendar app's own
    /// zone).
    pub zone: Option<Tz>,
    /// Where each session's page is: its id follows.
    pub link: &'a str,
    /// The summary of a session without a theme.
    pub untitled: &'a str,
    pub agenda_title: &'a str,
    pub meetings: &'a [Meeting],
}

const UTC_FORMAT: &str = "%Y%m%dT%H%M%SZ";
const DATE_FORMAT: &str = "%Y%m%d";
/// How often a subscribed calendar app should ask again.
const REFRESH: &str = "PT1H";

/// The calendar's text, the same for the same sessions (no time of writing in it), so that its
/// hash can be its `ETag`.
pub fn write(sessions: &Sessions) -> String {
    let mut calendar = ICalendar::new("2.0", "-//Tandem//Mentoring sessions//EN");
    calendar.push(CalScale::new("GREGORIAN"));
    calendar.push(Method::new("PUBLISH"));
    calendar.push(Property::new("X-WR-CALNAME", escape_text(sessions.name)));
    calendar.push(Property::new("X-PUBLISHED-TTL", REFRESH));
    let mut refresh = Property::new("REFRESH-INTERVAL", REFRESH);
    refresh.add(ValueType::new("DURATION"));
    calendar.push(refresh);
    let timed = sessions
        .meetings
        .iter()
        .filter_map(|m| Some(m.date.and_time(m.time?)));
    if let (Some(zone), Some(first), Some(last)) = (sessions.zone, timed.clone().min(), timed.max())
    {
        calendar.push(Property::new("X-WR-TIMEZONE", zone.name()));
        calendar.add_timezone(vtimezone(zone, first, last));
    }
    for meeting in sessions.meetings {
        calendar.add_event(event(sessions, meeting));
    }
    calendar.to_string()
}

fn event<'a>(sessions: &Sessions, meeting: &'a Meeting) -> Event<'a> {
    let changed = meeting.changed.format(UTC_FORMAT).to_string();
    let mut event = Event::new(format!("{}@tandem", meeting.id), changed.clone());
    event.push(LastModified::new(changed));
    let sequence = meeting.sequence.clamp(0, i32::MAX.into());
    event.push(Sequence::new(sequence.to_string()));
    let zone = sessions.zone.map(|z| TzIDParam::new(z.name()));
    match meeting.time {
        Some(time) => {
            let starts = meeting.date.and_time(time);
            let mut start = DtStart::new(starts.format(LOCAL).to_string());
            if let Some(zone) = zone.clone() {
                start.add(zone);
            }
            event.push(start);
            // Without a length there is no end: RFC 5545 wants DTEND after DTSTART.
            if let Some(minutes) = meeting.minutes.filter(|m| *m > 0) {
                let ends = starts + Duration::minutes(minutes.into());
                let mut end = DtEnd::new(ends.format(LOCAL).to_string());
                if let Some(zone) = zone {
                    end.add(zone);
                }
                event.push(end);
            }
        }
        None => {
            let mut start = DtStart::new(meeting.date.format(DATE_FORMAT).to_string());
            start.add(ValueType::new("DATE"));
            event.push(start);
            let next = meeting.date.succ_opt().unwrap_or(meeting.date);
            let mut end = DtEnd::new(next.format(DATE_FORMAT).to_string());
            end.add(ValueType::new("DATE"));
            event.push(end);
        }
    }
    let summary = if meeting.theme.trim().is_empty() {
        sessions.untitled
    } else {
        meeting.theme.trim()
    };
    event.push(Summary::new(escape_text(summary.to_owned())));
    if !meeting.place.trim().is_empty() {
        event.push(Location::new(escape_text(meeting.place.trim().to_owned())));
    }
    let link = format!("{}{}", sessions.link, meeting.id);
    let mut description = String::new();
    if !meeting.agenda.is_empty() {
        description.push_str(sessions.agenda_title);
        description.push('\n');
        for item in &meeting.agenda {
            description.push_str("- ");
            description.push_str(item);
            description.push('\n');
        }
        description.push('\n');
    }
    description.push_str(&link);
    event.push(Description::new(escape_text(description)));
    event.push(URL::new(link));
    event.push(Status::new(if meeting.cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    }));
    event
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::{
        parser::{read_calendar, unfold},
        Component as _, EventLike as _,
    };

    fn meeting(id: u128, date: &str, time: Option<&str>, sequence: i64) -> Meeting {
        Meeting {
            id: Uuid::from_u128(id),
            date: date.parse().unwrap(),
            time: time.map(|t| NaiveTime::parse_from_str(t, "%H:%M").unwrap()),
            minutes: Some(60),
            theme: "Feedback, and; a plan".into(),
            place: "Café Noord".into(),
            agenda: vec!["Your first month".into()],
            cancelled: false,
            sequence,
            changed: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        }
    }

    fn written(meetings: &[Meeting]) -> String {
        write(&Sessions {
            name: "Mira & Menno",
            zone: Some("Europe/Amsterdam".parse().unwrap()),
            link: "https://tandem.example/r/7/sessions/",
            untitled: "Mentoring session",
            agenda_title: "Agenda",
            meetings,
        })
    }

    /// Each event's UID with one of its properties, as a real parser reads them back.
    fn read_back(text: &str, property: &str) -> Vec<(String, String)> {
        let unfolded = unfold(text);
        let calendar = read_calendar(&unfolded).expect("a calendar a parser reads");
        let calendar = icalendar::Calendar::from(calendar);
        calendar
            .events()
            .map(|e| {
                (
                    e.get_uid().unwrap().to_owned(),
                    e.property_value(property).unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn each_session_keeps_its_uid_and_its_sequence_rises_when_it_changes() {
        let before = written(&[meeting(1, "2027-03-02", Some("18:00"), 10)]);
        let mut changed = meeting(1, "2027-03-02", Some("19:00"), 14);
        changed.theme = "Moved".into();
        let after = written(&[changed]);
        let uid = format!("{}@tandem", Uuid::from_u128(1));
        assert_eq!(read_back(&before, "SEQUENCE"), [(uid.clone(), "10".into())]);
        assert_eq!(read_back(&after, "SEQUENCE"), [(uid.clone(), "14".into())]);
        assert_eq!(read_back(&after, "SUMMARY"), [(uid, "Moved".into())]);
    }

    #[test]
    fn a_deleted_session_is_a_cancelled_event() {
        let mut gone = meeting(1, "2027-03-02", Some("18:00"), 3);
        gone.cancelled = true;
        let text = written(&[gone, meeting(2, "2027-03-09", Some("18:00"), 4)]);
        let statuses: Vec<String> = read_back(&text, "STATUS")
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(statuses, ["CANCELLED", "CONFIRMED"]);
    }

    #[test]
    fn text_with_commas_and_semicolons_reads_back_as_it_was_written() {
        let text = written(&[meeting(1, "2027-03-02", Some("18:00"), 1)]);
        let calendar: icalendar::Calendar = text.parse().unwrap();
        let event = calendar.events().next().unwrap();
        assert_eq!(event.get_summary(), Some("Feedback, and; a plan"));
        assert_eq!(event.get_location(), Some("Café Noord"));
        let description = event.get_description().unwrap();
        assert!(
            description.starts_with("Agenda\n- Your first month\n"),
            "{description}"
        );
        assert!(description.ends_with(&format!("/r/7/sessions/{}", Uuid::from_u128(1))));
    }

    /// The UTC offset the file's own `VTIMEZONE` gives a local time: that of the latest
    /// observance that began before it.
    fn offset_in_file(text: &str, local: &str) -> String {
        let unfolded = unfold(text);
        let parsed = read_calendar(&unfolded).unwrap();
        let zone = parsed
            .components
            .iter()
            .find(|c| c.name == "VTIMEZONE")
            .expect("a VTIMEZONE");
        let value = |c: &icalendar::parser::Component, key: &str| {
            c.find_prop(key)
                .map(|p| p.val.to_string())
                .unwrap_or_default()
        };
        let mut onsets: Vec<(String, String)> = zone
            .components
            .iter()
            .map(|o| (value(o, "DTSTART"), value(o, "TZOFFSETTO")))
            .filter(|(start, _)| start.as_str() <= local)
            .collect();
        onsets.sort();
        onsets.pop().expect("an observance before it").1
    }

    #[test]
    fn times_across_the_spring_change_in_amsterdam_keep_their_wall_clock_and_get_the_right_offset()
    {
        let text = written(&[
            meeting(1, "2027-03-21", Some("18:00"), 1),
            meeting(2, "2027-03-28", Some("18:00"), 1),
        ]);
        let starts: Vec<String> = read_back(&text, "DTSTART")
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(starts, ["20270321T180000", "20270328T180000"]);
        assert!(text.contains("DTSTART;TZID=Europe/Amsterdam:20270328T180000"));
        assert_eq!(offset_in_file(&text, "20270321T180000"), "+0100");
        assert_eq!(offset_in_file(&text, "20270328T180000"), "+0200");
        assert_eq!(offset_in_file(&text, "20271031T180000"), "+0100");
    }

    #[test]
    fn a_session_without_a_time_takes_its_whole_day() {
        let text = written(&[meeting(1, "2027-03-02", None, 1)]);
        assert!(text.contains("DTSTART;VALUE=DATE:20270302"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20270303"), "{text}");
        assert!(!text.contains("VTIMEZONE"), "no zone is needed");
    }

    #[test]
    fn a_session_without_a_length_has_no_end() {
        let mut open = meeting(1, "2027-03-03", Some("18:00"), 1);
        open.minutes = None;
        let text = written(&[open]);
        assert_eq!(
            read_back(&text, "DTSTART"),
            vec![(
                "00000000-0000-0000-0000-000000000001@tandem".to_owned(),
                "20270303T180000".to_owned()
            )]
        );
        assert_eq!(
            read_back(&text, "DTEND"),
            vec![(
                "00000000-0000-0000-0000-000000000001@tandem".to_owned(),
                String::new()
            )]
        );
    }

    #[test]
    fn without_a_time_zone_times_float_in_the_readers_own() {
        let meetings = [meeting(1, "2027-03-02", Some("18:00"), 1)];
        let text = write(&Sessions {
            name: "Mira & Menno",
            zone: None,
            link: "https://tandem.example/r/7/sessions/",
            untitled: "Mentoring session",
            agenda_title: "Agenda",
            meetings: &meetings,
        });
        assert!(text.contains("DTSTART:20270302T180000\r\n"), "{text}");
        assert!(!text.contains("TZID"), "{text}");
    }

    #[test]
    fn the_same_sessions_give_the_same_text() {
        let meetings = [meeting(1, "2027-03-02", Some("18:00"), 1)];
        assert_eq!(written(&meetings), written(&meetings));
    }
}
