//! The goal form, for a new goal and for editing one, with the SMART checklist beside it.

use super::{
    kind::{Field, Goal, Status, GOAL, TEXT_MAX, TITLE_MAX, UNIT_MAX},
    messages::GoalMsg,
    smart::{Letter, Outline},
};
use crate::{
    i18n::{use_i18n, I18n, Message, Msg},
    sync::{
        client::RecordRef,
        engine::{now_millis, today, use_sync},
        schema::{check_value, parse_date},
    },
    ui::form::rejection_text,
};
use leptos::{ev::SubmitEvent, prelude::*};
use serde_json::Value;
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

/// A number as people type it: "79.5" or, in Dutch, "79,5"; empty is none. "1,000" could be
/// a thousand or one, so it is not taken.
pub fn parse_number(text: &str) -> Result<Option<f64>, ()> {
    let text = text.trim();
    if let Some((_, decimals)) = text.split_once(',') {
        if text.contains('.') || decimals.len() == 3 {
            return Err(());
        }
    }
    let text = text.replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .map(Some)
        .ok_or(())
}

/// The kind of control a field is typed into.
#[derive(Clone, Copy)]
enum Input {
    Line(usize),
    Lines(usize),
    Number,
    Date,
}

/// What the form holds, as typed.
#[derive(Clone, Copy)]
struct Values {
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
    fn of(goal: Option<&Goal>) -> Self {
        let text = |f: fn(&Goal) -> String| RwSignal::new(goal.map(f).unwrap_or_default());
        Self {
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
        Outline {
            title: self.title.get(),
            description: self.description.get(),
            numbers: parse_number(&self.start.get())
                .ok()
                .flatten()
                .zip(parse_number(&self.target.get()).ok().flatten()),
            milestones: 0,
            achievable: self.achievable.get(),
            relevant: self.relevant.get(),
            has_date: parse_date(&self.date.get()).is_some(),
        }
    }

    /// The fields to write, or the first problem found, at its field.
    fn fields(self, i18n: I18n, new: bool) -> Result<Vec<(Field, Value)>, (Field, String)> {
        let number = |field: Field, text: String| {
            parse_number(&text)
                .map(|n| n.map_or(Value::Null, Value::from))
                .map_err(|()| (field, i18n.t(GoalMsg::ErrNumber).to_owned()))
        };
        let start = number(Field::Start, self.start.get_untracked())?;
        let target = number(Field::Target, self.target.get_untracked())?;
        if start.is_null() != target.is_null() {
            let at = if start.is_null() {
                Field::Start
            } else {
                Field::Target
            };
            return Err((at, i18n.t(GoalMsg::ErrBothNumbers).to_owned()));
        }
        if !start.is_null() && start.as_f64() == target.as_f64() {
            return Err((Field::Target, i18n.t(GoalMsg::ErrSameAsStart).to_owned()));
        }
        let date = self.date.get_untracked();
        let date = match parse_date(date.trim()) {
            Some(d) if new && d <= today() => {
                return Err((Field::TargetDate, i18n.t(GoalMsg::ErrDatePast).to_owned()))
            }
            Some(d) => Value::from(d.to_string()),
            None => Value::Null,
        };
        let trimmed = |s: RwSignal<String>| Value::from(s.get_untracked().trim().to_owned());
        let fields = vec![
            (Field::Title, trimmed(self.title)),
            (Field::Description, trimmed(self.description)),
            (Field::Unit, trimmed(self.unit)),
            (Field::Start, start),
            (Field::Target, target),
            (Field::Achievable, trimmed(self.achievable)),
            (Field::Relevant, trimmed(self.relevant)),
            (Field::TargetDate, date),
        ];
        for (field, value) in &fields {
            if let Err(rejection) = check_value(&GOAL, field.name(), value) {
                return Err((*field, rejection_text(i18n, rejection)));
            }
        }
        Ok(fields)
    }
}

/// A new goal (`goal` none) or an edit of one. Only the fields changed are written, so that
/// the partner's edits to others meanwhile stay.
#[component]
pub fn GoalForm(
    relationship: Uuid,
    goal: Option<Goal>,
    #[prop(into)] done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let values = Values::of(goal.as_ref());
    let error = RwSignal::new(None::<(Field, String)>);
    let prefix = goal
        .as_ref()
        .map_or("goal-new".to_owned(), |g| format!("goal-edit-{}", g.id));
    let before = StoredValue::new(goal);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let new = before.with_value(Option::is_none);
        match values.fields(i18n, new) {
            Err(problem) => error.set(Some(problem)),
            Ok(fields) => {
                error.set(None);
                let old = before.get_value();
                let id = old.as_ref().map_or_else(Uuid::now_v7, |g| g.id);
                let mut write: Vec<(&'static str, Value)> = fields
                    .into_iter()
                    .filter(|(f, v)| old.as_ref().is_none_or(|g| changed(g, *f, v)))
                    .map(|(f, v)| (f.name(), v))
                    .collect();
                if old.is_none() {
                    write.push((Field::Status.name(), Value::from(Status::Active.as_str())));
                    write.push((Field::CreatedAt.name(), Value::from(now_millis())));
                }
                if !write.is_empty() {
                    let record = RecordRef {
                        id,
                        relationship,
                        kind: GOAL.kind,
                        private: false,
                    };
                    sync.edit(record, write);
                }
                done.run(());
            }
        }
    };
    let field = move |field: Field, label: Message, value: RwSignal<String>, input: Input| {
        let id = format!("{prefix}-{}", field.name());
        let message_id = format!("{id}-message");
        let problem = move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|(f, _)| *f == field)
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
    view! {
        <form class="goal-form" on:submit=save novalidate>
            {field(Field::Title, GoalMsg::GoalTitle, values.title, Input::Line(TITLE_MAX))}
            {field(Field::Description, GoalMsg::Description, values.description, Input::Lines(TEXT_MAX))}
            <div class="field-row">
                {field(Field::Start, GoalMsg::Start, values.start, Input::Number)}
                {field(Field::Target, GoalMsg::Target, values.target, Input::Number)}
                {field(Field::Unit, GoalMsg::Unit, values.unit, Input::Line(UNIT_MAX))}
            </div>
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

/// Whether the form's value for `field` differs from the goal's.
fn changed(goal: &Goal, field: Field, value: &Value) -> bool {
    let text = |s: &str| value.as_str() != Some(s);
    match field {
        Field::Title => text(&goal.title),
        Field::Description => text(&goal.description),
        Field::Unit => text(&goal.unit),
        Field::Start => value.as_f64() != goal.start,
        Field::Target => value.as_f64() != goal.target,
        Field::Achievable => text(&goal.achievable),
        Field::Relevant => text(&goal.relevant),
        Field::TargetDate => value.as_str().and_then(parse_date) != goal.target_date,
        Field::Status | Field::DropReason | Field::CreatedAt => false,
    }
}

/// Which of the five a goal has, beside its form: a nudge, not a gate.
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
        assert_eq!(parse_number("1.000,5"), Err(()));
        assert_eq!(parse_number("inf"), Err(()));
    }
}

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
