//! The config file's JSON Schema (`coopdash --config-schema`, committed as
//! `assets/config.schema.json`), made from the option table and the key table, so an editor
//! completes and checks exactly what the reader takes.

use serde_json::{Map, Value, json};

use super::options::{KEYS_TABLE, Kind, OPTIONS, THEMES};
use crate::action::{ACTION_NAMES, BINDINGS};

/// The schema as pretty JSON, ending with a newline.
pub fn json_schema() -> String {
    let mut properties = Map::new();
    for opt in OPTIONS {
        let mut shape = match opt.kind {
            Kind::Flag => json!({ "type": "boolean" }),
            Kind::Theme => json!({ "type": "string", "enum": THEMES }),
            Kind::Seconds => json!({ "type": "number", "exclusiveMinimum": 0, "maximum": 86400 }),
            Kind::Duration => json!({
                "anyOf": [
                    { "type": "string", "examples": ["20m", "1h 30m", "90s"] },
                    { "type": "integer", "minimum": 1, "maximum": 1440 }
                ]
            }),
        };
        shape["description"] = Value::from(opt.about);
        properties.insert(opt.name.to_owned(), shape);
    }
    let mut actions = Map::new();
    for (name, action) in ACTION_NAMES {
        let about = BINDINGS.iter().find(|b| b.action == *action).map_or("", |b| b.help);
        actions.insert((*name).to_owned(), json!({ "$ref": "#/$defs/keys", "description": about }));
    }
    properties.insert(
        KEYS_TABLE.to_owned(),
        json!({
            "description": "Key bindings: an action's name and the key or keys that do it (\"r\", [\"r\", \"F5\"], \"Ctrl-r\", \"Space\", \"PgDn\"); they replace the action's keys wherever it has keys",
            "type": "object",
            "additionalProperties": false,
            "properties": actions,
        }),
    );
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "coopdash configuration",
        "description": "~/.config/coopdash/config.toml: defaults for the command line (flags win) and key bindings",
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
        "$defs": {
            "keys": {
                "anyOf": [
                    { "type": "string", "minLength": 1 },
                    { "type": "array", "items": { "type": "string", "minLength": 1 }, "minItems": 1 }
                ]
            }
        }
    });
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
