//! Sessions in a calendar: the iCalendar file of a relationship's sessions, downloaded or
//! subscribed to with a private link. Written on the server, where the time zones are.

pub mod api;
mod messages;
mod ui;

#[cfg(feature = "ssr")]
pub mod server;

pub use messages::CalendarMsg;
pub use ui::{AddToCalendar, Subscription};
