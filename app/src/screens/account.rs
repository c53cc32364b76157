//! Signing up, in and out, and the account page with the downloads of one's data.

use super::export_view::DataDownloads;
use crate::{
    accounts::{AccountPage, SignInPage, SignOutPage, SignUpPage},
    export::ImportForm,
};
use leptos::prelude::*;

/// The four share one chunk: each chunk costs every page's first load its loader, and a visit
/// to one of them soon needs another.
pub fn pick_account_page() -> AnyView {
    match leptos_router::hooks::use_location()
        .pathname
        .get_untracked()
        .as_str()
    {
        "/signup" => SignUpPage().into_any(),
        "/account" => {
            view! { <AccountPage data=|| view! { <DataDownloads /> <ImportForm /> } /> }.into_any()
        }
        "/signout" => SignOutPage().into_any(),
        _ => SignInPage().into_any(),
    }
}
