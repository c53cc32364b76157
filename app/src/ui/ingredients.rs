//! The pages of the mentoring's ingredients (preparing; the agreement and goals to come).

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
    crate::prepare::PreparePage().into_any()
}
