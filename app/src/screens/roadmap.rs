//! The roadmap page, with each past session's check-in in a line: the roadmap cannot read
//! check-ins itself, since the check-in feature stands on the roadmap's sessions.

use crate::{checkin::checkin_line, roadmap::RoadmapFor};
use leptos::prelude::*;

#[component]
pub fn RoadmapPage() -> impl IntoView {
    view! { <RoadmapFor checkin=checkin_line /> }
}
