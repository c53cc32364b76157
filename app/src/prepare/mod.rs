//! Ingredient 1, preparing: each person answers three questions, privately until they share.

mod kind;
mod messages;
mod status;
mod ui;

pub use kind::{Draft, Preparation, Question, Shared, SharedSet};
pub use messages::PrepareMsg;
pub use status::PrepareStatus;

// `make size` names this page by its chunk.
crate::ui::lazy::lazy_page!(
    PrepareRoute,
    prepare_page,
    preload_prepare_page,
    ui::PreparePage
);
