//! The JSON Schemas that `glose schema` prints, from the same description.

use super::{ANNOTATION, ARTICLE, PART, SOURCE, STOP, Table, Ty};

/// The JSON Schema of a file: `article`, `annotations`, `sources` or `tour`.
pub fn json_schema(file: &str) -> Option<String> {
    let (root, entries): (Option<&Table>, Option<&Table>) = match file {
        "article" => (Some(&ARTICLE), Some(&PART)),
        "annotations" => (None, Some(&ANNOTATION)),
        "sources" => (None, Some(&SOURCE)),
        "tour" => (None, Some(&STOP)),
        _ => return None,
    };
    let mut properties = serde_json::Map::new();
    let mut required: Vec<serde_json::Value> = Vec::new();
    if let Some(root) = root {
        let (props, req) = object_properties(root);
        properties = props;
        required = req;
    }
    if let Some(entry) = entries {
        let (props, req) = object_properties(entry);
        let mut items = serde_json::json!({
            "type": "object",
            "properties": props,
            "additionalProperties": false,
        });
        if !req.is_empty() {
            items["required"] = serde_json::Value::Array(req);
        }
        let mut array = serde_json::json!({
            "type": "array",
            "description": format!("Each [[{}]] table.", entry.name),
            "items": items,
        });
        if entry.name == "part" {
            array["minItems"] = serde_json::json!(1);
            required.push(serde_json::json!("part"));
        }
        properties.insert(entry.name.to_owned(), array);
    }
    let title = format!("glose {file}.toml");
    let mut schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": "An annotated text for glose: see FORMAT.md.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = serde_json::Value::Array(required);
    }
    serde_json::to_string_pretty(&schema).ok()
}

fn object_properties(
    table: &Table,
) -> (
    serde_json::Map<String, serde_json::Value>,
    Vec<serde_json::Value>,
) {
    let mut properties = serde_json::Map::new();
    let mut required = Vec::new();
    for field in table.fields {
        let mut property = match field.ty {
            Ty::Text => serde_json::json!({ "type": "string" }),
            Ty::Whole { min, max, .. } => {
                serde_json::json!({ "type": "integer", "minimum": min, "maximum": max })
            }
            Ty::TextList { max } => {
                let mut list =
                    serde_json::json!({ "type": "array", "items": { "type": "string" } });
                if let Some(max) = max {
                    list["maxItems"] = serde_json::json!(max);
                }
                list
            }
            Ty::OneOf(values) => serde_json::json!({ "type": "string", "enum": values }),
            Ty::Bool => serde_json::json!({ "type": "boolean" }),
        };
        property["description"] = serde_json::json!(field.about);
        properties.insert(field.name.to_owned(), property);
        if field.required {
            required.push(serde_json::json!(field.name));
        }
    }
    (properties, required)
}
