//! The roadmap page: planning, the sessions to come with their themes, and the sessions past.

use super::{
    agenda,
    agenda_view::{Agenda, Agendas},
    cadence::Cadence,
    kind::{overlapping, read_all, Field, Session, SessionSet, PLACE_MAX, THEME_MAX},
    messages::RoadmapMsg,
    plan::Plan,
};
use crate::{
    agreement::Agreement,
    goals::{Goal, Status as GoalStatus},
    i18n::{use_i18n, I18n, Message, Msg},
    relationships::{relationship_name, Live, RelationshipFrame, Role},
    sync::{
        declare::{clock_text, RecordKind},
        engine::{local_time, now_millis, use_sync},
    },
    ui::form::{described_by, rejection_text, saved_text},
};
use chrono::{DateTime, Datelike, NaiveDateTime, Weekday};
use leptos::prelude::*;
use uuid::Uuid;

/// A past session's check-in in a line ("Check-in: you (4 out of 5) and Menno"), `None` while
/// nobody has checked in: given by the check-in feature, which stands on the roadmap.
pub type CheckinLine =
    fn(I18n, &crate::sync::Replica, Uuid, Uuid, Role, Option<String>) -> Option<String>;

/// The roadmap page (`/r/:id/roadmap`), its past sessions' check-ins read by `checkin`.
#[component]
pub fn RoadmapFor(checkin: CheckinLine) -> impl IntoView {
    // The frame renders a plain `fn`, which cannot hold `checkin`.
    provide_context(checkin);
    view! {
        <RelationshipFrame page=|live, _| {
            let checkin: CheckinLine = expect_context();
            view! { <Roadmap live checkin /> }.into_any()
        } />
    }
}

/// The list of suggested themes the theme fields offer.
pub const THEMES: &str = "suggested-themes";

/// Themes to suggest: the goals still worked on, then the mission's examples.
fn suggested_themes(i18n: I18n, replica: &crate::sync::Replica, relationship: Uuid) -> Vec<String> {
    let mut themes: Vec<String> = replica
        .of(relationship, &Goal::SPEC.kind)
        .filter_map(|(id, r)| Goal::read(*id, r))
        .filter(|g| g.status == GoalStatus::Active)
        .map(|g| g.title)
        .collect();
    let examples = [
        RoadmapMsg::ThemeTrends,
        RoadmapMsg::ThemeTime,
        RoadmapMsg::ThemeLessons,
        RoadmapMsg::ThemeTechnical,
    ]
    .map(|m| i18n.t(m).to_owned());
    themes.extend(examples);
    themes
}

/// The relationship's sessions as the device has them: `None` until it is read.
type Sessions = Memo<Option<Vec<Session>>>;

/// Now, on the pair's wall clock (the device's).
pub fn now() -> NaiveDateTime {
    let at = DateTime::from_timestamp_millis(now_millis() as i64).unwrap_or_default();
    local_time(at)
}

fn weekday(day: Weekday) -> Message {
    match day {
        Weekday::Mon => RoadmapMsg::Mon,
        Weekday::Tue => RoadmapMsg::Tue,
        Weekday::Wed => RoadmapMsg::Wed,
        Weekday::Thu => RoadmapMsg::Thu,
        Weekday::Fri => RoadmapMsg::Fri,
        Weekday::Sat => RoadmapMsg::Sat,
        Weekday::Sun => RoadmapMsg::Sun,
    }
}

/// "Tue 24 Mar 2026, 18:00–19:00".
pub fn when(i18n: I18n, session: &Session) -> String {
    let day = session.date;
    let date = i18n.date(day.and_time(chrono::NaiveTime::MIN).and_utc());
    let start = clock_text(session.starts().time());
    let end = session
        .minutes
        .map(|_| format!("–{}", clock_text(session.ends().time())))
        .unwrap_or_default();
    format!("{} {date}, {start}{end}", i18n.t(weekday(day.weekday())))
}

#[component]
fn Roadmap(live: Live, checkin: CheckinLine) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (relationship, r) = (live.id, live.view);
    let sessions: Sessions = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| read_all(&d.local, relationship)))
    });
    let cadence = Memo::new(move |_| {
        sync.device.with(|d| {
            let terms = Agreement::read(&d.as_ref()?.local, relationship).terms;
            Some((Cadence::from_terms(&terms), terms.place.clone()))
        })
    });
    let ended = live.ended();
    // A session moves from planned to past as it ends, while the page is open.
    // (An effect: it runs only in the browser.)
    let minute = RwSignal::new(0u32);
    Effect::new(move |_| {
        let tick = move || minute.update(|m| *m = m.wrapping_add(1));
        if let Ok(ticking) = set_interval_with_handle(tick, std::time::Duration::from_secs(60)) {
            on_cleanup(move || ticking.clear());
        }
    });
    let items = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| agenda::read_all(&d.local, relationship)))
            .unwrap_or_default()
    });
    // Items a session ended without move on to the next, from whichever device sees it first;
    // both may, and write the same record (`agenda::carried_id`).
    Effect::new(move |_| {
        minute.track();
        // Not while a pull may still be bringing the partner's sessions and copies.
        if ended.get() || sync.status.with(|s| s.syncing) {
            return;
        }
        let carries = sync.device.with(|d| {
            let d = d.as_ref()?;
            let sessions = sessions.with(|s| s.clone())?;
            let exists = |id| d.local.records.contains_key(&id);
            let carries = items
                .with(|items| agenda::carry_over(relationship, &sessions, items, exists, now()));
            Some(carries)
        });
        for carry in carries.into_iter().flatten() {
            sync.edit(agenda::Item::at(carry.id, relationship), carry.writes());
        }
    });
    let themes = Memo::new(move |_| {
        sync.device.with(|d| {
            d.as_ref()
                .map(|d| suggested_themes(i18n, &d.local, relationship))
                .unwrap_or_default()
        })
    });
    let agendas = Agendas {
        items,
        number: Callback::new(move |id| number_of(sessions, id)),
        relationship,
        me: live.me,
        partner: live.partner(),
        ended,
    };
    let ids = move |past: bool| {
        minute.track();
        let now = now();
        sessions.with(|s| {
            s.iter()
                .flatten()
                .filter(|s| s.is_past(now) == past)
                .map(|s| s.id)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel">
            <p class="crumb">
                <a href=format!("/r/{relationship}")>{move || r.with(|r| relationship_name(i18n, r))}</a>
            </p>
            <h1>{i18n.tr(RoadmapMsg::Title)}</h1>
            <p>{i18n.tr(RoadmapMsg::Intro)}</p>
        </section>
        <Show when=move || sessions.with(Option::is_some) fallback=move || view! { <p class="panel">{i18n.tr(Msg::Loading)}</p> }>
            <Show when=move || !ended.get()>
                <Plan relationship sessions cadence />
            </Show>
            <datalist id=THEMES>
                {move || themes.get().into_iter().map(|t| view! { <option value=t></option> }).collect_view()}
            </datalist>
            <section class="panel" aria-labelledby="planned-heading">
                <h2 id="planned-heading">{i18n.tr(RoadmapMsg::Planned)}</h2>
                <p class="hint">{move || i18n.fmt(RoadmapMsg::Suggested, &[&themes.get().join(" · ")])}</p>
                <Show when=move || ids(false).is_empty()>
                    <p class="empty">{i18n.tr(RoadmapMsg::NonePlanned)}</p>
                </Show>
                <ol class="sessions">
                    <For each=move || ids(false) key=|id| *id let:id>
                        <SessionCard id sessions relationship ended agendas />
                    </For>
                </ol>
            </section>
            <Show when=move || !ids(true).is_empty()>
                <section class="panel" aria-labelledby="past-heading">
                    <h2 id="past-heading">{i18n.tr(RoadmapMsg::Past)}</h2>
                    <ul class="sessions past">
                        <For each=move || ids(true) key=|id| *id let:id>
                            <PastSession id sessions relationship ended agendas checkin />
                        </For>
                    </ul>
                </section>
            </Show>
        </Show>
        <section class="panel" aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{i18n.tr(RoadmapMsg::Calendar)}</h2>
            <p>{i18n.tr(RoadmapMsg::CalendarText)}</p>
            // The server writes the file (and sends the agreement's page while the pair has no
            // time zone): `rel="external"` keeps the router out. A plain link, nothing read
            // here: the calendar feature's own panel cost the roadmap 2.7 KB (measured).
            <div class="actions">
            <a class="button secondary" rel="external" href=format!("/calendar/relationship/{relationship}")>
                {i18n.tr(RoadmapMsg::AddToCalendar)}
            </a>
            <a class="button secondary" href=format!("/r/{relationship}/calendar")>{i18n.tr(RoadmapMsg::CalendarLink)}</a>
            </div>
        </section>
    }
}

/// "Session 2: Tue 24 Mar 2026, 18:00–19:00 · Time management".
fn line(i18n: I18n, sessions: Sessions, id: Uuid) -> String {
    sessions
        .with(|s| {
            let s = s.as_ref()?;
            let n = s.iter().position(|x| x.id == id)?;
            let session = &s[n];
            let theme = if session.theme.is_empty() {
                i18n.t(RoadmapMsg::NoTheme).to_owned()
            } else {
                session.theme.clone()
            };
            let name = i18n.fmt(RoadmapMsg::SessionN, &[&(n + 1).to_string()]);
            Some(format!("{name}: {} · {theme}", when(i18n, session)))
        })
        .unwrap_or_default()
}

/// The link to a session's page: its notes and check-in.
fn session_link(
    i18n: I18n,
    relationship: Uuid,
    id: Uuid,
    number: impl Fn() -> usize + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <a class="button link" href=format!("/r/{relationship}/sessions/{id}")
            aria-label=move || i18n.fmt(RoadmapMsg::OpenSessionOf, &[&number().to_string()])>
            {i18n.tr(RoadmapMsg::OpenSession)}
        </a>
    }
}

/// A session that is over, and its check-in, flagged when missing; one entered by mistake can
/// be deleted.
#[component]
fn PastSession(
    id: Uuid,
    sessions: Sessions,
    relationship: Uuid,
    ended: Signal<bool>,
    agendas: Agendas,
    checkin: CheckinLine,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let number = move || number_of(sessions, id).to_string();
    let checked_in = move || {
        sync.device.with(|d| {
            let d = d.as_ref()?;
            checkin(
                i18n,
                &d.local,
                relationship,
                id,
                agendas.me,
                agendas.partner.get(),
            )
        })
    };
    let delete = move |_| sync.delete(Session::at(id, relationship));
    view! {
        <li>
            <span>{move || line(i18n, sessions, id)}</span>
            " · "
            <strong class:flag=move || checked_in().is_none()>
                {move || checked_in().unwrap_or_else(|| i18n.t(RoadmapMsg::CheckinMissing).to_owned())}
            </strong>
            " "
            {session_link(i18n, relationship, id, move || number_of(sessions, id))}
            <button class="button link" hidden=move || ended.get() on:click=delete
                aria-label=move || i18n.fmt(RoadmapMsg::DeleteSession, &[&number()])>
                {i18n.tr(Msg::Delete)}
            </button>
        </li>
    }
}

/// A session's number: its place among all, past and planned (1 for the first).
fn number_of(sessions: Sessions, id: Uuid) -> usize {
    sessions.with(|s| {
        s.as_ref()
            .and_then(|s| s.iter().position(|x| x.id == id))
            .map_or(0, |n| n + 1)
    })
}

/// A session to come: when, its theme and place (saved as typed), overlaps, and deleting it.
#[component]
fn SessionCard(
    agendas: Agendas,
    id: Uuid,
    sessions: Sessions,
    relationship: Uuid,
    ended: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let record = Session::at(id, relationship);
    let number = move || number_of(sessions, id);
    let session =
        Memo::new(move |_| sessions.with(|s| s.as_ref()?.iter().find(|x| x.id == id).cloned()));
    let heading = move || {
        let name = i18n.fmt(RoadmapMsg::SessionN, &[&number().to_string()]);
        session
            .with(|s| s.as_ref().map(|s| format!("{name}: {}", when(i18n, s))))
            .unwrap_or(name)
    };
    let overlaps = move || {
        sessions.with(|all| {
            let all = all.as_ref()?;
            let me = all.iter().find(|x| x.id == id)?;
            let others: Vec<String> = overlapping(all, me)
                .iter()
                .filter_map(|o| all.iter().position(|x| x.id == o.id))
                .map(|n| (n + 1).to_string())
                .collect();
            (!others.is_empty()).then(|| i18n.fmt(RoadmapMsg::Overlaps, &[&others.join(", ")]))
        })
    };
    let delete = move |_| sync.delete(record);
    let text_field = move |field: Field, label: Message, max: usize| {
        let text = saved_text(move || {
            session.with(|s| {
                s.as_ref().map(|s| match field {
                    Field::Theme => s.theme.clone(),
                    _ => s.place.clone(),
                })
            })
        });
        let problem = RwSignal::new(None::<String>);
        let input_id = format!("session-{id}-{}", field.name());
        let input = move |ev| {
            let typed = event_target_value(&ev);
            text.set(typed.clone());
            let write = match field {
                Field::Theme => SessionSet::Theme(typed),
                _ => SessionSet::Place(typed),
            };
            let refused = sync.save(record, vec![write]);
            problem.set(refused.map(|r| rejection_text(i18n, r)));
        };
        view! {
            <div class="field">
                <label for=input_id.clone()>{move || i18n.fmt(label, &[&number().to_string()])}</label>
                <input id=input_id.clone() type="text" maxlength=max prop:value=text on:input=input
                    readonly=move || ended.get() list=(field == Field::Theme).then_some(THEMES)
                    aria-describedby={
                        let message = format!("{input_id}-message");
                        move || described_by(&message, ended.get())
                    } />
                <p id=format!("{input_id}-message") class="field-message field-error" aria-live="polite">{move || problem.get()}</p>
            </div>
        }
    };
    view! {
        <li class="session">
            <h3>{heading}</h3>
            <p class="form-error" role="status">{overlaps}</p>
            {text_field(Field::Theme, RoadmapMsg::ThemeOfN, THEME_MAX)}
            {text_field(Field::Place, RoadmapMsg::PlaceOfN, PLACE_MAX)}
            {session_link(i18n, relationship, id, number)}
            <div class="actions" hidden=move || ended.get()>
                <button class="button secondary" on:click=delete
                    aria-label=move || i18n.fmt(RoadmapMsg::DeleteSession, &[&number().to_string()])>
                    {i18n.tr(Msg::Delete)}
                </button>
            </div>
            <Agenda session=id agendas n=Signal::derive(number) />
        </li>
    }
}
