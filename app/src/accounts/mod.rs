//! Accounts: signing up, in and out, and who is signed in.

mod api;
mod display_name;
mod email;
mod messages;
mod next;
mod password;
#[cfg(feature = "ssr")]
pub mod server;
mod ui;

pub use api::*;
pub use display_name::DisplayName;
pub use email::Email;
pub use messages::AccountMsg;
pub use next::safe_next;
pub use password::Password;

// `make size` names these pages by their chunk.
crate::ui::lazy::lazy_page!(
    SignUpRoute,
    sign_up_page,
    preload_sign_up_page,
    ui::SignUpPage
);
crate::ui::lazy::lazy_page!(
    SignInRoute,
    sign_in_page,
    preload_sign_in_page,
    ui::SignInPage
);
