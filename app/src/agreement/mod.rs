//! Ingredient 2, agreeing: clear boundaries both edit and both sign, with every signed version kept.

mod kind;
mod messages;
mod ui;
mod zone;

pub use kind::{
    blank, canonical, Agreement, Day, Frequency, Signature, SignatureSet, Term, TermSet, Terms,
};
pub use messages::AgreeMsg;
pub use ui::term_lines;

// `make size` names this page by its chunk.
crate::ui::lazy::lazy_page!(
    AgreementRoute,
    agreement_page,
    preload_agreement_page,
    ui::AgreementPage
);
