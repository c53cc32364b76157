//! Ingredient 1, preparing: each person answers three questions, privately until they share.

mod kind;
mod messages;
mod status;
mod ui;

pub use kind::{Preparation, Question, DRAFT, SHARED};
pub use messages::PrepareMsg;
pub use status::PrepareStatus;
pub use ui::PreparePage;
