//! The SMART checklist: which of the five a goal still misses. A goal may be saved incomplete.

/// The five letters, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Letter {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

/// What the checklist looks at, as the goal's form holds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    pub title: String,
    pub description: String,
    /// A numeric start and target, when measured by a number.
    pub numbers: Option<(f64, f64)>,
    pub milestones: usize,
    pub achievable: String,
    pub relevant: String,
    pub has_date: bool,
}

impl Outline {
    pub fn missing(&self) -> Vec<Letter> {
        let filled = |s: &str| !s.trim().is_empty();
        let measurable =
            self.numbers.is_some_and(|(start, target)| start != target) || self.milestones > 0;
        [
            (
                Letter::Specific,
                filled(&self.title) && filled(&self.description),
            ),
            (Letter::Measurable, measurable),
            (Letter::Achievable, filled(&self.achievable)),
            (Letter::Relevant, filled(&self.relevant)),
            (Letter::TimeBound, self.has_date),
        ]
        .into_iter()
        .filter(|(_, ok)| !ok)
        .map(|(letter, _)| letter)
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> Outline {
        Outline {
            title: "Give talks".into(),
            description: "At meetups about testing".into(),
            numbers: Some((0.0, 6.0)),
            milestones: 0,
            achievable: "Two meetups a month nearby".into(),
            relevant: "Needed for the senior role".into(),
            has_date: true,
        }
    }

    #[test]
    fn a_goal_with_all_five_misses_nothing() {
        assert_eq!(complete().missing(), vec![]);
    }

    #[test]
    fn an_empty_goal_misses_all_five_in_order() {
        use Letter::*;
        assert_eq!(
            Outline::default().missing(),
            vec![Specific, Measurable, Achievable, Relevant, TimeBound]
        );
    }

    #[test]
    fn a_title_alone_is_not_specific_and_blank_text_counts_as_missing() {
        let goal = Outline {
            description: "   ".into(),
            relevant: "\n".into(),
            ..complete()
        };
        assert_eq!(goal.missing(), vec![Letter::Specific, Letter::Relevant]);
    }

    #[test]
    fn a_target_equal_to_its_start_measures_nothing_but_a_milestone_does() {
        let flat = Outline {
            numbers: Some((3.0, 3.0)),
            ..complete()
        };
        assert_eq!(flat.missing(), vec![Letter::Measurable]);
        let steps = Outline {
            numbers: None,
            milestones: 2,
            ..complete()
        };
        assert_eq!(steps.missing(), vec![]);
    }

    #[test]
    fn without_a_date_it_is_not_time_bound() {
        let goal = Outline {
            has_date: false,
            ..complete()
        };
        assert_eq!(goal.missing(), vec![Letter::TimeBound]);
    }
}
