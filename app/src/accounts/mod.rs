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

// `make size` names these pages by their chunk.
crate::ui::lazy::lazy_page!(
    AccountRoute,
    account_pages,
    preload_account_pages,
    pick_account_page
);

/// Signing up, in and out and the account page share one chunk: each chunk costs every page's
/// first load its loader, and a visit to one of them soon needs another.
fn pick_account_page() -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    match leptos_router::hooks::use_location()
        .pathname
        .get_untracked()
        .as_str()
    {
        "/signup" => ui::SignUpPage().into_any(),
        "/account" => settings::AccountPage().into_any(),
        "/signout" => sign_out::SignOutPage().into_any(),
        _ => ui::SignInPage().into_any(),
    }
}
