//! The checked-in JSON Schema of rule files: current, and valid for every
//! default rule.

use std::path::Path;

fn checked_in() -> serde_json::Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/rule.schema.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn checked_in_schema_is_current() {
    let generated = claimcheck::rules::schema();
    let file = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/rule.schema.json")).unwrap();
    assert!(
        generated == file,
        "schemas/rule.schema.json is stale: run `cargo run -- rules schema > schemas/rule.schema.json`"
    );
}

#[test]
fn default_rules_validate_against_the_schema() {
    let validator = jsonschema::validator_for(&checked_in()).unwrap();
    for (path, text) in claimcheck::rules::DEFAULT_RULES {
        let value: serde_json::Value = serde_saphyr::from_str(text).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
}

#[test]
fn the_schema_rejects_a_misspelled_key() {
    let validator = jsonschema::validator_for(&checked_in()).unwrap();
    let value: serde_json::Value =
        serde_saphyr::from_str("id: x\nseverty: error\nsummary: s\nlink: copy\nmessage: m\n").unwrap();
    assert!(!validator.is_valid(&value));
}
