//! Random input for every parser at the boundary: none panics, and every refusal says why.

use crate::{
    accounts::{safe_next, DisplayName, Email, Password},
    kinds,
    problem::Problem,
    relationships::{RelationshipTitle, Role},
    sync::{
        api::Push,
        schema::{admit, check_value, parse_date},
        Hlc, Rejection,
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

/// Whether a mutation as sent is well formed: what the push decoder must accept.
fn well_formed(mutation: &Value) -> bool {
    let text = |key: &str| mutation.get(key).and_then(Value::as_str);
    text("id").is_some_and(|id| uuid::Uuid::parse_str(id).is_ok())
        && text("kind").is_some()
        && text("field").is_some()
        && text("hlc").is_some_and(|hlc| hlc.parse::<Hlc>().is_ok())
}

proptest! {
    // Each case is a whole batch: fewer of them cover as much.
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn the_push_decoder_reads_every_well_formed_batch_and_refuses_the_rest(
        batch in prop::collection::vec(mutation_json(), 0..4),
        noise in text(),
    ) {
        let body = json!({ "batch": batch }).to_string();
        let decoded = serde_json::from_str::<Push>(&body);
        prop_assert_eq!(decoded.is_ok(), batch.iter().all(well_formed), "{}", body);
        prop_assert!(serde_json::from_str::<Push>(&noise).is_err());
    }

    #[test]
    fn every_pushed_change_is_admitted_or_refused_for_the_first_rule_it_breaks(
        batch in prop::collection::vec(mutation_json(), 1..4),
    ) {
        let body = json!({ "batch": batch }).to_string();
        let Ok(push) = serde_json::from_str::<Push>(&body) else {
            return Ok(());
        };
        for mutation in &push.batch {
            let change = &mutation.change;
            let spec = kinds::spec(change.kind.as_str());
            prop_assert_eq!(admit(spec, change, None, |_| true, None), Err(Rejection::NoAccess));
            let Some(spec) = spec else {
                prop_assert_eq!(
                    admit(None, change, Some("mentor"), |_| true, None),
                    Err(Rejection::UnknownKind)
                );
                continue;
            };
            for writer in ["mentor", "mentee"] {
                let admitted = admit(Some(spec), change, Some(writer), |_| true, None);
                if let Err(refused) = check_value(spec, &change.field, &change.value) {
                    prop_assert_eq!(admitted, Err(refused));
                }
            }
        }
    }
}
