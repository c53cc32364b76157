//! The export's JSON document (`"format": "tandem-export/1"`): each relationship's facts and
//! every record of it this device holds, with each field's value and clock.

use crate::{relationships::RelationshipView, sync::replica::Replica};
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};
use uuid::Uuid;

/// What a file says it is, and which version of the shape it has.
pub const FORMAT: &str = "tandem-export/1";

/// The document for `relationships`, from `replica` (what the person sees on this device: the
/// partner's private records never reach it). Its invite links are left out: they are secrets.
/// Instants are milliseconds since 1970, as everywhere else in Tandem. Built as a JSON value
/// rather than with types of its own: their serializers cost 1 KB on every page's first load,
/// the value's is there already.
pub fn document(
    person: Uuid,
    relationships: &[RelationshipView],
    replica: &Replica,
    now_millis: i64,
) -> String {
    let millis = |t: Option<DateTime<Utc>>| t.map(|t| t.timestamp_millis());
    let relationships: Vec<Value> = relationships
        .iter()
        .map(|r| {
            let records: Vec<Value> = replica
                .records
                .iter()
                .filter(|(_, record)| record.relationship == r.id)
                .map(|(id, record)| {
                    let fields: Map<String, Value> = record
                        .fields
                        .iter()
                        .map(|(f, s)| (f.clone(), s.value.clone()))
                        .collect();
                    // Each field's clock, so that bringing the file back merges as a sync would.
                    let clocks: Map<String, Value> = record
                        .fields
                        .iter()
                        .map(|(f, s)| (f.clone(), Value::String(s.hlc.to_string())))
                        .collect();
                    json!({
                        "id": id, "kind": record.kind.as_str(), "private": record.private,
                        "fields": fields, "clocks": clocks,
                    })
                })
                .collect();
            json!({
                "id": r.id, "title": r.title, "my_role": r.my_role.as_str(),
                "partner_name": r.partner_name, "created_at": r.created_at.timestamp_millis(),
                "started_at": millis(r.started_at), "ended_at": millis(r.ended_at),
                "records": records,
            })
        })
        .collect();
    json!({
        "format": FORMAT, "exported_at": now_millis, "exported_by": person,
        "relationships": relationships,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relationships::Role;
    use crate::sync::{Change, Hlc, Kind, NodeId};

    fn view(id: u128, title: &str) -> RelationshipView {
        let at = DateTime::from_timestamp_millis(1_795_766_400_000).unwrap();
        RelationshipView {
            id: Uuid::from_u128(id),
            title: Some(title.into()),
            my_role: Role::Mentee,
            partner_name: Some("Mira".into()),
            created_at: at,
            started_at: Some(at),
            ended_at: None,
            invite: Some(crate::relationships::InviteLink {
                url: "https://tandem.example/invite/secret".into(),
                expires_at: at,
                state: crate::relationships::InviteState::Open,
            }),
            stand_in: false,
        }
    }

    fn replica() -> Replica {
        let mut replica = Replica::default();
        for (record, relationship, field, value) in [
            (1, 10, "title", json!("Read the book")),
            (1, 10, "done", json!(true)),
            (2, 20, "title", json!("Elsewhere")),
        ] {
            replica.apply(&Change {
                record: Uuid::from_u128(record),
                relationship: Uuid::from_u128(relationship),
                kind: Kind::named("action_item"),
                private: false,
                field: field.into(),
                value,
                hlc: Hlc {
                    millis: 1_795_766_400_000,
                    counter: 0,
                    node: NodeId(7),
                },
            });
        }
        replica
    }

    #[test]
    fn an_export_holds_each_records_fields_with_their_clocks_in_its_own_relationship() {
        let text = document(
            Uuid::from_u128(5),
            &[view(10, "Leadership")],
            &replica(),
            42,
        );
        let doc: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["format"], "tandem-export/1");
        assert_eq!(doc["exported_at"], 42);
        let relationships = doc["relationships"].as_array().unwrap();
        assert_eq!(relationships.len(), 1);
        assert_eq!(relationships[0]["title"], "Leadership");
        assert_eq!(relationships[0]["my_role"], "mentee");
        let records = relationships[0]["records"].as_array().unwrap();
        assert_eq!(records.len(), 1, "only this relationship's records");
        assert_eq!(records[0]["id"], Uuid::from_u128(1).to_string());
        assert_eq!(
            records[0]["fields"],
            json!({ "done": true, "title": "Read the book" })
        );
        assert!(records[0]["clocks"]["title"].is_string());
    }

    #[test]
    fn an_export_never_holds_an_invite_link() {
        let text = document(
            Uuid::from_u128(5),
            &[view(10, "Leadership")],
            &replica(),
            42,
        );
        assert!(!text.contains("secret"), "{text}");
    }
}
