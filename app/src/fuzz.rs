//! Random input for every parser at the boundary: none panics, and every refusal says why.

use crate::{
    accounts::{safe_next, DisplayName, Email, Password},
    kinds,
    problem::Problem,
    relationships::{RelationshipTitle, Role},
    sync::{
        schema::{admit, check_value, parse_date},
        Mutation,
    },
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Any text, weighted towards what breaks parsers: controls, format characters, long runs.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,300}",
        prop::collection::vec(
            prop_oneof![
                Just('\u{0}'),
                Just('\u{202E}'),
                Just('\u{200B}'),
                Just('\u{FEFF}'),
                Just('\n'),
                Just('@'),
                Just('/'),
                Just('\\'),
                Just('.'),
                Just('%'),
                any::<char>()
            ],
            0..400
        )
        .prop_map(|chars| chars.into_iter().collect()),
    ]
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A mutation as a client might send it: mostly well formed, any part of it wild.
fn mutation_json() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            Just(json!("0190a0b0-0000-7000-8000-000000000001")),
            json_value()
        ],
        prop_oneof![Just(json!("action_item")), json_value()],
        prop_oneof![
            Just(json!("title")),
            Just(json!("owner")),
            Just(json!("done_at")),
            json_value()
        ],
        json_value(),
        prop_oneof![
            Just(json!("0190a0b0c0d0-0000-0000000000000001")),
            json_value()
        ],
    )
        .prop_map(|(id, kind, field, value, hlc)| {
            json!({
                "id": id, "record": "0190a0b0-0000-7000-8000-000000000002",
                "relationship": "0190a0b0-0000-7000-8000-000000000003",
                "kind": kind, "private": false, "field": field, "value": value, "hlc": hlc,
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn every_text_field_parser_answers_any_input_with_a_value_or_a_reason(raw in text()) {
        for problem in [
            DisplayName::parse(&raw).err().map(|e| e.problem),
            Email::parse(&raw).err().map(|e| e.problem),
            Password::parse(&raw).err().map(|e| e.problem),
            RelationshipTitle::parse(&raw).err().map(|e| e.problem),
            Role::parse(&raw).err().map(|e| e.problem),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!(!matches!(problem, Problem::Taken | Problem::Wrong));
        }
        let next = safe_next(Some(raw.clone()));
        let site = url::Url::parse("https://tandem.example").unwrap();
        let target = site.join(&next).unwrap();
        prop_assert!(next.starts_with('/') && target.origin() == site.origin(), "{next:?}");
        // What the browser is sent must stay on the site read as a link of its own, too.
        prop_assert!(!next.starts_with("//") && !next.starts_with("/\\"), "{next:?}");
        let _ = parse_date(&raw);
    }

}

proptest! {
    // Each case is a whole batch: fewer of them cover as much.
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn a_pushed_batch_of_any_shape_is_read_or_refused_without_a_panic(
        batch in prop::collection::vec(mutation_json(), 0..4),
        noise in text(),
    ) {
        let body = json!({ "batch": batch }).to_string();
        let _ = serde_json::from_str::<Value>(&noise);
        #[derive(serde::Deserialize)]
        struct Push {
            #[allow(dead_code)]
            batch: Vec<Mutation>,
        }
        let _ = serde_json::from_str::<Push>(&noise);
        if let Ok(push) = serde_json::from_str::<Push>(&body) {
            for mutation in &push.batch {
                let change = &mutation.change;
                let spec = kinds::spec(change.kind.as_str());
                if let Some(spec) = spec {
                    let _ = check_value(spec, &change.field, &change.value);
                }
                for writer in [None, Some("mentor"), Some("mentee")] {
                    let _ = admit(spec, change, writer, |_| true, None);
                }
            }
        }
    }
}
