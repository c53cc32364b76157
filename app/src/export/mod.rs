//! A person's data as a file: every record this device holds of their relationships, as JSON,
//! made on the device so that it works offline too.

mod document;
mod download;
mod messages;
mod ui;

pub use document::{document, FORMAT};
pub use download::save;
pub use messages::ExportMsg;
pub use ui::ExportButton;
