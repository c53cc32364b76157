//! Planning sessions: dates proposed from the agreement's cadence, or one added by hand.

use super::{
    cadence::{Cadence, Missing},
    kind::{Session, SessionSet, MINUTES_MAX, THEME_MAX},
    messages::RoadmapMsg,
    ui::now,
    ui::THEMES,
};
use crate::{
    agreement::AgreeMsg,
    i18n::{use_i18n, I18n, Message},
    sync::{
        declare::{check, clock_text, RecordKind},
        engine::{now as now_instant, use_sync, SyncEngine},
        schema::{parse_clock, parse_date},
        Rejection,
    },
    ui::form::rejection_text,
};
use chrono::{NaiveDate, NaiveTime};
use leptos::{ev::SubmitEvent, prelude::*};
use uuid::Uuid;

/// A new session: its day, start, length, place and theme.
struct New<'a> {
    date: NaiveDate,
    time: NaiveTime,
    minutes: Option<u32>,
    place: &'a str,
    theme: &'a str,
}

fn create(sync: SyncEngine, relationship: Uuid, new: New) {
    let mut writes = Session::new(new.date, now_instant());
    writes.extend([
        SessionSet::Time(Some(new.time)),
        SessionSet::Minutes(new.minutes),
        SessionSet::Place(new.place.to_owned()),
        SessionSet::Theme(new.theme.to_owned()),
    ]);
    sync.edit(Session::at(Uuid::now_v7(), relationship), writes);
}

fn clock(text: &str) -> Option<NaiveTime> {
    parse_clock(text.trim())
}

fn missing_text(i18n: I18n, missing: &[Missing]) -> String {
    let names: Vec<&str> = missing
        .iter()
        .map(|m| {
            i18n.t(match m {
                Missing::Frequency => RoadmapMsg::MissingFrequency,
                Missing::Weekday => RoadmapMsg::MissingWeekday,
                Missing::Time => RoadmapMsg::MissingTime,
                Missing::Duration => RoadmapMsg::MissingDuration,
            })
        })
        .collect();
    i18n.fmt(RoadmapMsg::NeedsCadence, &[&names.join(", ")])
}

/// What the agreement says about meeting: its cadence, or what that still lacks, and its place.
/// `None` until the device is read.
pub type Agreed = Memo<Option<(Result<Cadence, Vec<Missing>>, String)>>;

/// Proposals from the cadence, or what the agreement still needs for them; and a session by hand.
#[component]
pub fn Plan(
    relationship: Uuid,
    sessions: Memo<Option<Vec<Session>>>,
    cadence: Agreed,
) -> impl IntoView {
    let i18n = use_i18n();
    // Only whether there is a cadence, and what it lacks: proposals being adjusted stay while
    // the partner edits the agreement's place.
    let missing =
        Memo::new(move |_| cadence.with(|c| c.as_ref().map(|(c, _)| c.as_ref().err().cloned())));
    view! {
        <section class="panel" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{i18n.tr(RoadmapMsg::Plan)}</h2>
            {move || missing.get().map(|missing| match missing {
                None => view! { <Proposals relationship sessions cadence /> }.into_any(),
                Some(missing) => view! {
                    <p role="status">{move || missing_text(i18n, &missing)}</p>
                    <a class="button secondary" href=format!("/r/{relationship}/agreement")>{i18n.tr(AgreeMsg::Open)}</a>
                }.into_any(),
            })}
            <AddSession relationship />
        </section>
    }
}

/// One proposed session, as the person adjusts it before saving.
#[derive(Clone, Copy)]
struct Proposal {
    keep: RwSignal<bool>,
    date: RwSignal<String>,
    time: RwSignal<String>,
}

#[component]
fn Proposals(
    relationship: Uuid,
    sessions: Memo<Option<Vec<Session>>>,
    cadence: Agreed,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let count = RwSignal::new("3".to_owned());
    let rows = RwSignal::new(Vec::<Proposal>::new());
    let error = RwSignal::new(None::<(usize, bool, Message)>);
    let agreed = move || {
        cadence.with_untracked(|c| {
            c.as_ref()
                .and_then(|(c, p)| Some((*c.as_ref().ok()?, p.clone())))
        })
    };
    let propose = move |_| {
        let Some((cadence, _)) = agreed() else { return };
        let last = sessions.with_untracked(|s| s.iter().flatten().map(Session::day).max());
        let first = cadence.first(last, now());
        let n = count.get_untracked().parse::<usize>().unwrap_or(3);
        let proposals = cadence.propose(first, n).into_iter().map(|at| Proposal {
            keep: RwSignal::new(true),
            date: RwSignal::new(at.date().to_string()),
            time: RwSignal::new(clock_text(at.time())),
        });
        error.set(None);
        rows.set(proposals.collect());
    };
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some((cadence, place)) = agreed() else {
            return;
        };
        let mut planned = Vec::new();
        for (n, row) in rows.get_untracked().into_iter().enumerate() {
            if !row.keep.get_untracked() {
                continue;
            }
            let Some(date) = parse_date(row.date.get_untracked().trim()) else {
                return error.set(Some((n, false, RoadmapMsg::ErrDate)));
            };
            let Some(time) = clock(&row.time.get_untracked()) else {
                return error.set(Some((n, true, RoadmapMsg::ErrTime)));
            };
            planned.push((date, time));
        }
        for (date, time) in planned {
            let new = New {
                date,
                time,
                minutes: Some(cadence.minutes),
                place: &place,
                theme: "",
            };
            create(sync, relationship, new);
        }
        rows.set(Vec::new());
    };
    let problem = move |n: usize, time: bool| {
        move || {
            error
                .get()
                .filter(|(at, t, _)| (*at, *t) == (n, time))
                .map(|(_, _, m)| i18n.t(m))
        }
    };
    let numbers: Vec<String> = (1..=6).map(|n| n.to_string()).collect();
    view! {
        <div class="field-row">
            <div class="field">
                <label for="plan-count">{i18n.tr(RoadmapMsg::HowMany)}</label>
                <select id="plan-count" bind:value=count>
                    {numbers.into_iter().map(|n| view! { <option value=n.clone() selected=n == "3">{n.clone()}</option> }).collect_view()}
                </select>
            </div>
        </div>
        <button class="button primary" on:click=propose>{i18n.tr(RoadmapMsg::Propose)}</button>
        <Show when=move || rows.with(|r| !r.is_empty())>
            <form class="proposals" on:submit=save novalidate>
                <p>{i18n.tr(RoadmapMsg::Proposed)}</p>
                {move || rows.get().into_iter().enumerate().map(|(n, row)| {
                    let label = (n + 1).to_string();
                    let (date_id, time_id) = (format!("proposal-{n}-date"), format!("proposal-{n}-time"));
                    let number = label.clone();
                    let number_time = label.clone();
                    view! {
                        <fieldset class="proposal">
                            <label class="check">
                                <input type="checkbox" bind:checked=row.keep />
                                {move || i18n.fmt(RoadmapMsg::KeepN, &[&label])}
                            </label>
                            <div class="field-row">
                                <div class="field">
                                    <label for=date_id.clone()>{move || i18n.fmt(RoadmapMsg::DateN, &[&number])}</label>
                                    <input id=date_id.clone() type="date" bind:value=row.date aria-describedby=format!("{date_id}-message") />
                                    <p id=format!("{date_id}-message") class="field-message field-error" aria-live="polite">{problem(n, false)}</p>
                                </div>
                                <div class="field">
                                    <label for=time_id.clone()>{move || i18n.fmt(RoadmapMsg::TimeN, &[&number_time])}</label>
                                    <input id=time_id.clone() type="time" bind:value=row.time aria-describedby=format!("{time_id}-message") />
                                    <p id=format!("{time_id}-message") class="field-message field-error" aria-live="polite">{problem(n, true)}</p>
                                </div>
                            </div>
                        </fieldset>
                    }
                }).collect_view()}
                <button type="submit" class="button primary">{i18n.tr(RoadmapMsg::SaveProposals)}</button>
            </form>
        </Show>
    }
}

/// Where a problem with a session added by hand is shown.
#[derive(Clone, Copy, PartialEq)]
enum Spot {
    Date,
    Starts,
    Ends,
    Theme,
}

/// Why a field was refused, put in words as it is shown, in the language of the moment.
#[derive(Clone, Copy)]
enum Why {
    Said(Message),
    Refused(Rejection),
}

impl Why {
    fn text(self, i18n: I18n) -> String {
        match self {
            Why::Said(msg) => i18n.t(msg).to_owned(),
            Why::Refused(rejection) => rejection_text(i18n, rejection),
        }
    }
}

/// A session added by hand: its day, start and end, and a theme.
#[component]
fn AddSession(relationship: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let open = RwSignal::new(false);
    let date = RwSignal::new(String::new());
    let starts = RwSignal::new(String::new());
    let ends = RwSignal::new(String::new());
    let theme = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(Spot, Why)>);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let fail = |spot, msg: Message| error.set(Some((spot, Why::Said(msg))));
        let Some(day) = parse_date(date.get_untracked().trim()) else {
            return fail(Spot::Date, RoadmapMsg::ErrDate);
        };
        let Some(start) = clock(&starts.get_untracked()) else {
            return fail(Spot::Starts, RoadmapMsg::ErrTime);
        };
        let minutes = match clock(&ends.get_untracked()) {
            None if ends.get_untracked().trim().is_empty() => None,
            None => return fail(Spot::Ends, RoadmapMsg::ErrTime),
            Some(end) if end <= start => return fail(Spot::Ends, RoadmapMsg::ErrEndsBeforeStart),
            Some(end) => Some((end - start).num_minutes() as u32),
        };
        if minutes.is_some_and(|m| m > MINUTES_MAX) {
            return fail(Spot::Ends, RoadmapMsg::ErrTooLong);
        }
        let theme_text = theme.get_untracked().trim().to_owned();
        if let Some(r) = check(&SessionSet::Theme(theme_text.clone())) {
            return error.set(Some((Spot::Theme, Why::Refused(r))));
        }
        error.set(None);
        let new = New {
            date: day,
            time: start,
            minutes,
            place: "",
            theme: &theme_text,
        };
        create(sync, relationship, new);
        for field in [date, starts, ends, theme] {
            field.set(String::new());
        }
        open.set(false);
    };
    let field = move |spot: Spot, label: Message, kind: &'static str, value: RwSignal<String>| {
        let id = match spot {
            Spot::Date => "add-session-date",
            Spot::Starts => "add-session-starts",
            Spot::Ends => "add-session-ends",
            Spot::Theme => "add-session-theme",
        };
        let problem = move || {
            error
                .get()
                .filter(|(s, _)| *s == spot)
                .map(|(_, why)| why.text(i18n))
        };
        view! {
            <div class="field">
                <label for=id>{i18n.tr(label)}</label>
                <input id=id type=kind bind:value=value maxlength=THEME_MAX aria-describedby=format!("{id}-message")
                    list=(spot == Spot::Theme).then_some(THEMES) />
                <p id=format!("{id}-message") class="field-message field-error" aria-live="polite">{problem}</p>
            </div>
        }
    };
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <button class="button secondary" on:click=move |_| open.set(true)>{i18n.tr(RoadmapMsg::AddOne)}</button>
        }>
            <form class="add-session" on:submit=save novalidate>
                <h3>{i18n.tr(RoadmapMsg::AddOne)}</h3>
                <div class="field-row">
                    {field(Spot::Date, RoadmapMsg::Date, "date", date)}
                    {field(Spot::Starts, RoadmapMsg::Starts, "time", starts)}
                    {field(Spot::Ends, RoadmapMsg::Ends, "time", ends)}
                </div>
                {field(Spot::Theme, RoadmapMsg::Theme, "text", theme)}
                <div class="actions">
                    <button type="submit" class="button primary">{i18n.tr(RoadmapMsg::SaveSession)}</button>
                    <button type="button" class="button secondary" on:click=move |_| open.set(false)>
                        {i18n.tr(crate::i18n::Msg::Cancel)}
                    </button>
                </div>
            </form>
        </Show>
    }
}
