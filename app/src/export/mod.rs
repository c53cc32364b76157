//! A person's data as a file: every record this device holds of their relationships, as JSON,
//! made on the device so that it works offline too.

mod document;
mod download;
#[cfg(feature = "ssr")]
mod import;
mod import_form;
mod messages;
#[cfg(feature = "ssr")]
pub mod server;
mod ui;

pub use document::{document, FORMAT};
pub use download::save;
#[cfg(feature = "ssr")]
pub use import::{ImportProblem, Imported};
pub use import_form::ImportForm;
pub use messages::ExportMsg;
pub use ui::ExportButton;

/// The largest file an import takes.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
