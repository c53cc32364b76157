//! The roadmap page, with each past session's check-in in a line and the way to a calendar:
//! the roadmap cannot read either itself, since both features stand on its sessions.

use crate::{calendar::AddToCalendar, checkin::checkin_line, roadmap::RoadmapFor};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn RoadmapPage() -> impl IntoView {
    view! { <RoadmapFor checkin=checkin_line calendar=calendar /> }
}

fn calendar(relationship: Uuid) -> AnyView {
    view! { <AddToCalendar relationship /> }.into_any()
}
