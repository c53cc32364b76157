//! What every page of one relationship stands on: finding it, and following the device's copy.

use crate::{
    error::AppError,
    i18n::{use_i18n, Msg},
    relationships::{my_relationships, use_directory, RelationshipMsg, RelationshipView, Role},
    ui::{
        form::{error_text, ENDED_NOTE},
        page_data::{fetched, page_data},
        use_auth,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

/// Reloads a relationship from the server (after inviting, ending).
#[derive(Clone, Copy)]
pub struct Refresh(RwSignal<u32>);

impl Refresh {
    pub fn run(self) {
        self.0.update(|n| *n += 1);
    }
}

/// A relationship as its pages show it: the device's copy, so that a change the partner makes
/// (joining, ending it) shows without a reload.
#[derive(Clone, Copy)]
pub struct Live {
    pub id: Uuid,
    pub me: Role,
    pub view: Memo<RelationshipView>,
}

impl Live {
    fn new(initial: RelationshipView) -> Self {
        let directory = use_directory();
        let id = initial.id;
        Self {
            id,
            me: initial.my_role,
            view: Memo::new(move |_| directory.get(id).unwrap_or_else(|| initial.clone())),
        }
    }

    /// Ended relationships stay readable; nothing more can be written.
    pub fn ended(self) -> Signal<bool> {
        Signal::derive(move || self.view.with(|r| r.ended_at.is_some()))
    }

    pub fn partner(self) -> Signal<Option<String>> {
        Signal::derive(move || self.view.with(|r| r.partner_name.clone()))
    }
}

/// A page of one relationship (`/r/:id…`): it finds the relationship and renders `page` with
/// it, or says why not.
#[component]
pub fn RelationshipFrame(page: fn(Live, Refresh) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let directory = use_directory();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| Uuid::parse_str(&id).ok())
    });
    let reload = RwSignal::new(0u32);
    // The whole list, as the home screen loads it: one request and one reader for both pages
    // (a request of its own cost this page's chunk 2 KB compressed).
    let data = page_data(
        move || (reload.get(), auth.version()),
        |_| my_relationships(),
    );
    // What the server answers becomes the device's copy, which the page shows.
    Effect::new(move |_| {
        if let Some(Ok(list)) = data.get() {
            directory.replace(list);
        }
    });
    let refresh = Refresh(reload);

    view! {
        <Transition fallback=move || view! { <p class="panel">{i18n.tr(Msg::Loading)}</p> }>
            {move || {
                let (id, fetched) = (id.try_get().flatten(), fetched(data));
                crate::ui::page_data::after(async move {
                // The device's copy when there is one, so the page opens at once and offline;
                // else (and in the server's HTML) the server's answer.
                let found = match id {
                    None => Err(AppError::Forbidden),
                    Some(id) => match directory.get_untracked(id) {
                        Some(r) => Ok(r),
                        None => fetched.await.and_then(|list| {
                            list.into_iter().find(|r| r.id == id).ok_or(AppError::Forbidden)
                        }),
                    },
                };
                match found {
                    Ok(initial) => {
                        let live = Live::new(initial);
                        view! { <EndedNote live /> {page(live, refresh)} }.into_any()
                    }
                    Err(AppError::Unauthenticated) => view! {
                        <section class="panel">
                            <p>{i18n.tr(Msg::ErrSignInFirst)}</p>
                            <a class="button primary" href="/signin">{i18n.tr(Msg::SignIn)}</a>
                        </section>
                    }.into_any(),
                    Err(e) => view! {
                        <section class="panel">
                            <p class="form-error" role="alert">{error_text(i18n, &e)}</p>
                            <a href="/">{i18n.tr(Msg::BackHome)}</a>
                        </section>
                    }.into_any(),
                }
            })}}
        </Transition>
    }
}

/// Above every page of an ended relationship: why nothing on it can be changed any more. Each
/// control it locks names it as its description ([`ENDED_NOTE`]).
#[component]
fn EndedNote(live: Live) -> impl IntoView {
    let i18n = use_i18n();
    let when = move || {
        live.view.with(|r| {
            r.ended_at
                .map(|at| i18n.fmt(RelationshipMsg::EndedReadOnly, &[&i18n.date(at)]))
        })
    };
    view! {
        <p id=ENDED_NOTE class="panel ended-note" role="status" hidden=move || !live.ended().get()>{when}</p>
    }
}
