//! The pages of the mentoring's ingredients: preparing and goals (the agreement to come).

// `make size` names these pages by their chunk.
super::lazy::lazy_page!(
    IngredientRoute,
    ingredient_pages,
    preload_ingredient_pages,
    pick_ingredient_page
);

/// The ingredients' pages share one chunk: each chunk costs every page's first load its loader
/// (0.8 KB), and a person working through the ingredients soon needs the next page.
fn pick_ingredient_page() -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    if path.ends_with("/goals") {
        crate::goals::GoalsPage().into_any()
    } else {
        crate::prepare::PreparePage().into_any()
    }
}
