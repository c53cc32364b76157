//! The goal form, for a new goal and for editing one, with the SMART checklist beside it.

use super::{
    kind::{Field, Goal, GoalSet, Milestone, Status, TEXT_MAX, TITLE_MAX, UNIT_MAX},
    messages::GoalMsg,
    milestones::{MilestoneRows, Rows},
    smart::{Letter, Outline},
};
use crate::{
    i18n::{use_i18n, I18n, Message, Msg},
    sync::{
        declare::{check, RecordKind},
        engine::{now, today, use_sync},
        schema::parse_date,
    },
    ui::{
        form::{changed, rejection_text},
        lazy::{ChunkFailed, ChunkMissing},
    },
};
use leptos::{ev::SubmitEvent, prelude::*};
use uuid::Uuid;

pub fn letter_name(letter: Letter) -> Message {
    match letter {
        Letter::Specific => GoalMsg::LetterS,
        Letter::Measurable => GoalMsg::LetterM,
        Letter::Achievable => GoalMsg::LetterA,
        Letter::Relevant => GoalMsg::LetterR,
        Letter::TimeBound => GoalMsg::LetterT,
    }
}

/// A number as people type it: "79.5" or, in Dutch, "79,5"; empty is none. "1,000" and
/// "1.000" could each be a thousand or one, so they are not taken ("0,125" is).
pub fn parse_number(text: &str) -> Result<Option<f64>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.contains(',') && text.contains('.') {
        return Err(());
    }
    let text = text.replace(',', ".");
    if let Some((whole, decimals)) = text.split_once('.') {
        let zero = whole
            .trim_start_matches(['-', '+'])
            .trim_start_matches('0')
            .is_empty();
        if decimals.len() == 3 && !zero {
            return Err(());
        }
    }
    decimal(&text).map(Some).ok_or(())
}

/// Digits with an optional sign and point. Written out rather than with `str::parse::<f64>`,
/// whose tables cost the goals page 13 KB (brotli); exact all the same: a whole number up to
/// 2^53 and a power of ten up to 10^22 are each exact in an f64, so the one division rounds
/// correctly.
fn decimal(text: &str) -> Option<f64> {
    const TENS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    const EXACT: u64 = 1 << 53;
    let digit = |b: u8| b.is_ascii_digit().then(|| u64::from(b - b'0'));
    let mut mantissa: u64 = 0;
    for b in whole.bytes() {
        mantissa = mantissa.checked_mul(10)?.checked_add(digit(b)?)?;
    }
    if mantissa > EXACT {
        return None;
    }
    // Decimals past what an f64 holds are dropped ("0.30000000000000004" is 0.3).
    let mut scale = 0;
    for b in fraction.bytes() {
        let next = mantissa * 10 + digit(b)?;
        if next <= EXACT && scale < TENS.len() - 1 {
            mantissa = next;
            scale += 1;
        }
    }
    let value = mantissa as f64 / TENS[scale];
    Some(if negative { -value } else { value })
}

/// The kind of control a field is typed into.
#[derive(Clone, Copy)]
enum Input {
    Line(usize),
    Lines(usize),
    Number,
    Date,
}

/// Where a problem with the form is shown.
#[derive(Clone, Debug, PartialEq)]
enum Spot {
    Field(Field),
    Milestone(Uuid),
}

/// What the form holds, as typed.
#[derive(Clone, Copy)]
struct Values {
    /// Measured by milestones rather than a number.
    by_milestones: RwSignal<bool>,
    milestones: Rows,
    title: RwSignal<String>,
    description: RwSignal<String>,
    unit: RwSignal<String>,
    start: RwSignal<String>,
    target: RwSignal<String>,
    achievable: RwSignal<String>,
    relevant: RwSignal<String>,
    date: RwSignal<String>,
}

impl Values {
    fn of(goal: Option<&Goal>, milestones: &[Milestone]) -> Self {
        let text = |f: fn(&Goal) -> String| RwSignal::new(goal.map(f).unwrap_or_default());
        Self {
            by_milestones: RwSignal::new(
                goal.is_some_and(|g| !g.by_number()) && !milestones.is_empty(),
            ),
            milestones: Rows::of(milestones),
            title: text(|g| g.title.clone()),
            description: text(|g| g.description.clone()),
            unit: text(|g| g.unit.clone()),
            // Written in full, so that an edit elsewhere does not round them.
            start: text(|g| g.start.map(|n| n.to_string()).unwrap_or_default()),
            target: text(|g| g.target.map(|n| n.to_string()).unwrap_or_default()),
            achievable: text(|g| g.achievable.clone()),
            relevant: text(|g| g.relevant.clone()),
            date: text(|g| g.target_date.map(|d| d.to_string()).unwrap_or_default()),
        }
    }

    fn outline(self) -> Outline {
        let by_milestones = self.by_milestones.get();
        let number = |s: RwSignal<String>| parse_number(&s.get()).ok().flatten();
        Outline {
            title: self.title.get(),
            description: self.description.get(),
            numbers: number(self.start)
                .zip(number(self.target))
                .filter(|_| !by_milestones),
            milestones: if by_milestones {
                self.milestones.count()
            } else {
                0
            },
            achievable: self.achievable.get(),
            relevant: self.relevant.get(),
            has_date: parse_date(&self.date.get()).is_some(),
        }
    }

    /// The fields to write, or the first problem found, at its field.
    fn fields(self, i18n: I18n, new: bool) -> Result<Vec<(Field, GoalSet)>, (Spot, String)> {
        let at = |field: Field, msg: Message| (Spot::Field(field), i18n.t(msg).to_owned());
        let number = |field: Field, text: RwSignal<String>| {
            if self.by_milestones.get_untracked() {
                return Ok(None);
            }
            parse_number(&text.get_untracked()).map_err(|()| at(field, GoalMsg::ErrNumber))
        };
        let start = number(Field::Start, self.start)?;
        let target = number(Field::Target, self.target)?;
        if start.is_none() != target.is_none() {
            let field = if start.is_none() {
                Field::Start
            } else {
                Field::Target
            };
            return Err(at(field, GoalMsg::ErrBothNumbers));
        }
        if start.is_some() && start == target {
            return Err(at(Field::Target, GoalMsg::ErrSameAsStart));
        }
        let date = match parse_date(self.date.get_untracked().trim()) {
            Some(d) if new && d <= today() => {
                return Err(at(Field::TargetDate, GoalMsg::ErrDatePast))
            }
            date => date,
        };
        let trimmed = |s: RwSignal<String>| s.get_untracked().trim().to_owned();
        let fields = vec![
            (Field::Title, GoalSet::Title(trimmed(self.title))),
            (
                Field::Description,
                GoalSet::Description(trimmed(self.description)),
            ),
            (Field::Unit, GoalSet::Unit(trimmed(self.unit))),
            (Field::Start, GoalSet::Start(start)),
            (Field::Target, GoalSet::Target(target)),
            (
                Field::Achievable,
                GoalSet::Achievable(trimmed(self.achievable)),
            ),
            (Field::Relevant, GoalSet::Relevant(trimmed(self.relevant))),
            (Field::TargetDate, GoalSet::TargetDate(date)),
        ];
        for (field, write) in &fields {
            if let Some(rejection) = check(write) {
                return Err((Spot::Field(*field), rejection_text(i18n, rejection)));
            }
        }
        Ok(fields)
    }
}

/// What the goal form opens with.
pub struct Opened {
    pub relationship: Uuid,
    pub goal: Option<Goal>,
    pub milestones: Vec<Milestone>,
    pub done: Callback<()>,
}

// Apart from the page, since nobody needs it to see their goals: landing on the goals page
// took 426,241 bytes (brotli) with it, over the 400,000 budget.
#[rustfmt::skip]
#[::leptos::wasm_split::wasm_split(goal_form, wasm_split_path = ::leptos::wasm_split, fallible)]
fn goal_form(opened: Opened) -> Result<AnyView, ChunkFailed> {
    let Opened { relationship, goal, milestones, done } = opened;
    Ok(view! { <GoalForm relationship goal milestones done /> }.into_any())
}

/// The goal form, loaded from its own chunk the first time one is opened (offline too: the
/// worker keeps every chunk).
#[component]
pub fn LazyGoalForm(
    relationship: Uuid,
    goal: Option<Goal>,
    milestones: Vec<Milestone>,
    #[prop(into)] done: Callback<()>,
) -> impl IntoView {
    let opened = Opened {
        relationship,
        goal,
        milestones,
        done,
    };
    let form = async move {
        goal_form(opened)
            .await
            .unwrap_or_else(|_| ChunkMissing().into_any())
    };
    view! { <Suspense>{crate::ui::page_data::after(form)}</Suspense> }
}

/// A new goal (`goal` none) or an edit of one. Only the fields changed are written, so that
/// the partner's edits to others meanwhile stay.
#[component]
fn GoalForm(
    relationship: Uuid,
    goal: Option<Goal>,
    milestones: Vec<Milestone>,
    #[prop(into)] done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let values = Values::of(goal.as_ref(), &milestones);
    let error = RwSignal::new(None::<(Spot, String)>);
    let prefix = goal
        .as_ref()
        .map_or("goal-new".to_owned(), |g| format!("goal-edit-{}", g.id));
    let before = StoredValue::new(goal);
    // A new goal's id is known before it is saved: its milestones refer to it.
    let fresh = Uuid::now_v7();
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let new = before.with_value(Option::is_none);
        let id = before.with_value(|g| g.as_ref().map_or(fresh, |g| g.id));
        let milestones = if values.by_milestones.get_untracked() {
            values
                .milestones
                .writes(i18n, id)
                .map_err(|(row, message)| (Spot::Milestone(row), message))
        } else {
            Ok(Vec::new())
        };
        match values.fields(i18n, new).and_then(|f| Ok((f, milestones?))) {
            Err(problem) => error.set(Some(problem)),
            Ok((fields, milestones)) => {
                error.set(None);
                let old = before.get_value();
                let writes = match &old {
                    // Only the fields changed here, so that the partner's edits to others stay.
                    Some(goal) => {
                        let base: Vec<_> = fields.iter().map(|(f, _)| current(goal, *f)).collect();
                        let now: Vec<_> = fields.into_iter().map(|(_, w)| Some(w)).collect();
                        changed(&base, &now, |_, w| w.clone())
                            .into_iter()
                            .map(|(_, w)| w)
                            .collect()
                    }
                    None => {
                        let mut writes: Vec<GoalSet> = fields.into_iter().map(|(_, w)| w).collect();
                        writes.push(GoalSet::Status(Status::Active));
                        writes.push(GoalSet::CreatedAt(now()));
                        writes
                    }
                };
                if !writes.is_empty() {
                    sync.edit(Goal::at(id, relationship), writes);
                }
                for (milestone, write) in milestones {
                    let record = Milestone::at(milestone, relationship);
                    match write {
                        Some(write) => sync.edit(record, write),
                        None => sync.delete(record),
                    }
                }
                done.run(());
            }
        }
    };
    let measure_name = format!("{prefix}-measure");
    let rows_prefix = prefix.clone();
    let field = move |field: Field, label: Message, value: RwSignal<String>, input: Input| {
        let id = format!("{prefix}-{}", field.name());
        let message_id = format!("{id}-message");
        let problem = move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|(at, _)| *at == Spot::Field(field))
                    .map(|(_, m)| m.clone())
            })
        };
        let invalid = move || if problem().is_some() { "true" } else { "false" };
        let control = match input {
            Input::Lines(max) => view! {
                <textarea id=id.clone() rows=3 maxlength=max bind:value=value
                    aria-invalid=invalid aria-describedby=message_id.clone()></textarea>
            }
            .into_any(),
            Input::Line(max) => view! {
                <input id=id.clone() type="text" maxlength=max bind:value=value
                    aria-invalid=invalid aria-describedby=message_id.clone() />
            }
            .into_any(),
            // Text rather than `type=number`, which would drop what is not a number without a
            // word: a person who types "six" is told at the field.
            Input::Number => view! {
                <input id=id.clone() type="text" inputmode="decimal" maxlength=20 bind:value=value
                    aria-invalid=invalid aria-describedby=message_id.clone() />
            }
            .into_any(),
            Input::Date => view! {
                <input id=id.clone() type="date" bind:value=value
                    aria-invalid=invalid aria-describedby=message_id.clone() />
            }
            .into_any(),
        };
        view! {
            <div class="field">
                <label for=id>{i18n.tr(label)}</label>
                {control}
                <p id=message_id class="field-message field-error" aria-live="polite">{problem}</p>
            </div>
        }
    };
    let numbers = {
        let field = field.clone();
        move || {
            view! {
                <div class="field-row">
                    {field(Field::Start, GoalMsg::Start, values.start, Input::Number)}
                    {field(Field::Target, GoalMsg::Target, values.target, Input::Number)}
                    {field(Field::Unit, GoalMsg::Unit, values.unit, Input::Line(UNIT_MAX))}
                </div>
            }
        }
    };
    let milestone_problem = Signal::derive(move || {
        error.with(|e| match e {
            Some((Spot::Milestone(row), m)) => Some((*row, m.clone())),
            _ => None,
        })
    });
    view! {
        <form class="goal-form" on:submit=save novalidate>
            {field(Field::Title, GoalMsg::GoalTitle, values.title, Input::Line(TITLE_MAX))}
            {field(Field::Description, GoalMsg::Description, values.description, Input::Lines(TEXT_MAX))}
            <fieldset class="measure-by">
                <legend>{i18n.tr(GoalMsg::MeasureBy)}</legend>
                <label class="check">
                    <input type="radio" name=measure_name.clone() prop:checked=move || !values.by_milestones.get()
                        on:change=move |_| values.by_milestones.set(false) />
                    {i18n.tr(GoalMsg::ByNumber)}
                </label>
                <label class="check">
                    <input type="radio" name=measure_name prop:checked=move || values.by_milestones.get()
                        on:change=move |_| values.by_milestones.set(true) />
                    {i18n.tr(GoalMsg::ByMilestones)}
                </label>
            </fieldset>
            <Show when=move || values.by_milestones.get() fallback=numbers>
                <MilestoneRows rows=values.milestones prefix=rows_prefix.clone() problem=milestone_problem />
            </Show>
            {field(Field::Achievable, GoalMsg::Achievable, values.achievable, Input::Lines(TEXT_MAX))}
            {field(Field::Relevant, GoalMsg::Relevant, values.relevant, Input::Lines(TEXT_MAX))}
            {field(Field::TargetDate, GoalMsg::TargetDate, values.date, Input::Date)}
            <Checklist outline=Signal::derive(move || values.outline()) />
            <div class="actions">
                <button type="submit" class="button primary">{i18n.tr(GoalMsg::SaveGoal)}</button>
                <button type="button" class="button secondary" on:click=move |_| done.run(())>
                    {i18n.tr(Msg::Cancel)}
                </button>
            </div>
        </form>
    }
}

/// The goal's value of a field the form writes, as its write.
fn current(goal: &Goal, field: Field) -> Option<GoalSet> {
    Some(match field {
        Field::Title => GoalSet::Title(goal.title.clone()),
        Field::Description => GoalSet::Description(goal.description.clone()),
        Field::Unit => GoalSet::Unit(goal.unit.clone()),
        Field::Start => GoalSet::Start(goal.start),
        Field::Target => GoalSet::Target(goal.target),
        Field::Achievable => GoalSet::Achievable(goal.achievable.clone()),
        Field::Relevant => GoalSet::Relevant(goal.relevant.clone()),
        Field::TargetDate => GoalSet::TargetDate(goal.target_date),
        Field::Status | Field::DropReason | Field::CreatedAt => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn numbers_are_read_with_a_point_or_a_dutch_comma_and_thousands_are_not_guessed() {
        assert_eq!(parse_number(" 79,5 "), Ok(Some(79.5)));
        assert_eq!(parse_number("79.5"), Ok(Some(79.5)));
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("six"), Err(()));
        assert_eq!(parse_number("1,000"), Err(()));
        assert_eq!(parse_number("10.000"), Err(()), "ten thousand in Dutch");
        assert_eq!(parse_number("0,125"), Ok(Some(0.125)));
        assert_eq!(parse_number("1.000,5"), Err(()));
        assert_eq!(parse_number("inf"), Err(()));
    }

    #[test]
    fn numbers_read_exactly_as_the_standard_parser_reads_them() {
        for text in [
            "0",
            "6",
            "-2",
            "+3",
            "79.5",
            "0.1",
            ".5",
            "5.",
            "1000000000",
            "75.55",
            "0.000001",
            "123456789.123456",
        ] {
            assert_eq!(
                parse_number(text),
                Ok(Some(text.parse::<f64>().unwrap())),
                "{text}"
            );
        }
        let long = parse_number("0.30000000000000004").unwrap().unwrap();
        assert!(
            (long - 0.3).abs() < 1e-15,
            "more decimals than an f64 holds"
        );
        for bad in [
            "-",
            ".",
            "1.2.3",
            "1e3",
            "0x10",
            "1 000",
            "12345678901234567890",
            "--1",
            "NaN",
        ] {
            assert_eq!(parse_number(bad), Err(()), "{bad}");
        }
    }
}

/// Which of the five a goal has, beside its form: a nudge, not a gate.
#[component]
pub fn Checklist(#[prop(into)] outline: Signal<Outline>) -> impl IntoView {
    let i18n = use_i18n();
    let letters = [
        Letter::Specific,
        Letter::Measurable,
        Letter::Achievable,
        Letter::Relevant,
        Letter::TimeBound,
    ];
    view! {
        <div class="smart" role="group" aria-label=i18n.tr(GoalMsg::Checklist)>
            <p class="smart-title">{i18n.tr(GoalMsg::Checklist)}</p>
            <ul>
                {letters
                    .into_iter()
                    .map(|letter| {
                        let missing = move || outline.with(|o| o.missing().contains(&letter));
                        view! {
                            <li class:missing=missing>
                                {move || {
                                    let msg = if missing() { GoalMsg::LetterMissing } else { GoalMsg::LetterDone };
                                    i18n.fmt(msg, &[i18n.t(letter_name(letter))])
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
