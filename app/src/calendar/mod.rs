//! Sessions in a calendar: the iCalendar file of a relationship's sessions, downloaded or
//! subscribed to with a private link. Written on the server, where the time zones are.

pub mod api;
mod messages;
mod page;
mod ui;

#[cfg(feature = "ssr")]
pub mod server;

pub use messages::CalendarMsg;
use ui::Subscription;

// `make size` names this page by its chunk.
crate::ui::lazy::lazy_page!(
    CalendarRoute,
    calendar_page,
    preload_calendar_page,
    page::CalendarPage
);
