//! Ingredient 6, checking in: at the end of every session each person answers three questions;
//! next steps become action items and what to change goes on the next session's agenda. The
//! session's page, with its notes, is this feature's.

mod form;
mod kind;
mod line;
mod messages;
mod page;
mod served_view;
mod summary;

pub use kind::{checkin_id, Answers, Checkin, CheckinSet, Question};
pub use line::checkin_line;
pub use messages::CheckinMsg;
pub use page::SessionPage;
