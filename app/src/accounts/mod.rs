//! Accounts: signing up, in and out, who is signed in, and the account page.

mod api;
mod delete;
mod display_name;
mod email;
mod messages;
mod next;
mod password;
#[cfg(feature = "ssr")]
pub mod server;
mod settings;
mod sign_out;
mod ui;

pub use api::*;
pub use display_name::DisplayName;
pub use email::Email;
pub use messages::AccountMsg;
pub use next::safe_next;
pub use password::Password;
pub use settings::AccountPage;
pub use sign_out::SignOutPage;
pub use ui::{SignInPage, SignUpPage};
