//! The page an invite link opens: who invites you, in which role; accept or decline.

use super::names::role_name;
use crate::{
    error::AppError,
    i18n::{use_i18n, Msg},
    relationships::{invite, InviteView, RelationshipMsg, RespondToInvite},
    ui::{
        form::error_text,
        page_data::{fetched, page_data, PageData},
        use_auth,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn InvitePage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let here = move || format!("/invite/{}", token.get());
    // Made here, before anything is awaited (see `page_data`). On the server, nobody signed in
    // is not asked about (asking would mark the page 401).
    let details = page_data(
        move || token.get(),
        move |token| async move {
            if cfg!(feature = "ssr") && !matches!(auth.user.await, Ok(Some(_))) {
                return Err(AppError::Unauthenticated);
            }
            invite(token).await
        },
    );
    // Also made before anything is awaited: the answer's view is made after a wait, and on the
    // server a view made so may outlive the owner it was made under (it read a disposed action).
    let respond = ServerAction::<RespondToInvite>::new();

    view! {
        <section class="panel narrow">
            <h1>{i18n.tr(RelationshipMsg::InvitationTitle)}</h1>
            <Transition fallback=move || view! { <p>{i18n.tr(Msg::Loading)}</p> }>
                // The link is read before waiting: a reader who leaves mid-page disposes the
                // token while the wait goes on.
                {move || {
                    let here = here();
                    crate::ui::page_data::after(async move {
                    match auth.user.await {
                        Ok(Some(_)) => view! { <Invitation token details respond /> }.into_any(),
                        _ => view! {
                            <p>{i18n.tr(RelationshipMsg::InviteSignInFirst)}</p>
                            <div class="actions">
                                <a class="button primary" href=format!("/signup?next={here}")>
                                    {i18n.tr(Msg::SignUp)}
                                </a>
                                <a class="button secondary" href=format!("/signin?next={here}")>
                                    {i18n.tr(Msg::SignIn)}
                                </a>
                            </div>
                        }.into_any(),
                    }
                })}}
            </Transition>
        </section>
    }
}

#[component]
fn Invitation(
    token: Memo<String>,
    details: PageData<Result<InviteView, AppError>>,
    respond: ServerAction<RespondToInvite>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(Some(id))) = respond.value().get() {
            navigate(&format!("/r/{id}"), Default::default());
        }
    });
    let answer = move |accept: bool| {
        respond.dispatch(RespondToInvite {
            token: token.get_untracked(),
            accept,
        });
    };

    // `try_get`: the page's last render on the server may outlive the action.
    let answered = respond.value();
    let declined = move || matches!(answered.try_get().flatten(), Some(Ok(None)));

    view! {
        <Transition fallback=move || view! { <p>{i18n.tr(Msg::Loading)}</p> }>
            {move || {
                let fetched = fetched(details);
                crate::ui::page_data::after(async move {
                match fetched.await {
                    Ok(view_) => view! {
                        // The answer replaces the question; the status line is in the page from
                        // the start, so that assistive technology announces it when it fills.
                        <p role="status">{move || declined().then(|| i18n.t(RelationshipMsg::YouDeclined))}</p>
                        <div hidden=declined>
                            <p class="invite-lead">
                                {
                                    let (name, role) = (view_.inviter_name.clone(), view_.your_role);
                                    move || i18n.fmt(RelationshipMsg::InvitesYouAs, &[&name, role_name(i18n, role)])
                                }
                            </p>
                            {view_.title.clone().map(|t| view! { <p class="invite-title">{t}</p> })}
                            {view_.in_place_of.clone().map(|name| view! {
                                <p>{move || i18n.fmt(RelationshipMsg::InPlaceOf, &[&name])}</p>
                            })}
                            <p class="hint">{
                                let expires = view_.expires_at;
                                move || i18n.fmt(RelationshipMsg::ExpiresOn, &[&i18n.date(expires)])
                            }</p>
                            <p class="form-error" role="alert">
                                {move || respond.value().get().and_then(Result::err).map(|e| error_text(i18n, &e))}
                            </p>
                            <div class="actions">
                                <button class="button primary" disabled=move || respond.pending().get() on:click=move |_| answer(true)>
                                    {i18n.tr(RelationshipMsg::Accept)}
                                </button>
                                <button class="button secondary" disabled=move || respond.pending().get() on:click=move |_| answer(false)>
                                    {i18n.tr(RelationshipMsg::Decline)}
                                </button>
                            </div>
                        </div>
                    }.into_any(),
                    Err(e) => view! {
                        <p class="form-error" role="alert">{error_text(i18n, &e)}</p>
                        <a href="/">{i18n.tr(Msg::BackHome)}</a>
                    }.into_any(),
                }
            })}}
        </Transition>
    }
}
