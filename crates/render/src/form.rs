//! Form fields as the templates draw them: label, hint, the value to show,
//! and the error next to the field, tied together with `aria-describedby`.

/// Values and errors of a form that was sent back, so the page can show what
/// to fix next to the field, with what the user typed kept.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// Field name → value as typed.
    pub values: Vec<(String, String)>,
    /// Field name → message ("" for a message about the whole form).
    pub errors: Vec<(String, String)>,
}

/// No values and no errors: each form on a page that was not the one sent back.
static NO_FORM: Form = Form {
    values: Vec::new(),
    errors: Vec::new(),
};

impl Form {
    pub fn empty() -> &'static Form {
        &NO_FORM
    }

    /// This form where the form called `name` is the one it was sent back to (`sent_to`),
    /// else an empty one: a page with several forms shows errors only beside their own.
    pub fn if_sent_to<'f>(&'f self, sent_to: &str, name: &str) -> &'f Form {
        if sent_to == name {
            self
        } else {
            &NO_FORM
        }
    }

    pub fn value(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.as_str())
    }

    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Input(&'static str),
    TextArea,
    Select,
    Radios,
    /// Any number of choices; the value is their codes, comma-separated.
    Checkboxes,
    Hidden,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    /// Unique on the page: the form's prefix and the field's name.
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
    pub kind: Kind,
    pub choices: Vec<Choice>,
    pub autocomplete: &'static str,
}

impl Field {
    pub fn input_type(&self) -> &'static str {
        match self.kind {
            Kind::Input(t) => t,
            _ => "",
        }
    }

    pub fn is_textarea(&self) -> bool {
        self.kind == Kind::TextArea
    }

    pub fn is_select(&self) -> bool {
        self.kind == Kind::Select
    }

    pub fn is_radios(&self) -> bool {
        self.kind == Kind::Radios
    }

    pub fn is_checkboxes(&self) -> bool {
        self.kind == Kind::Checkboxes
    }

    pub fn input_kind(&self) -> &'static str {
        if self.is_checkboxes() {
            "checkbox"
        } else {
            "radio"
        }
    }

    pub fn is_hidden(&self) -> bool {
        self.kind == Kind::Hidden
    }

    pub fn choice_id(&self, c: &Choice) -> String {
        format!("{}-{}", self.id, c.value)
    }

    /// The ids of the hint and the error, for `aria-describedby`.
    pub fn described_by(&self) -> String {
        let mut ids = vec![];
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }

    /// Where the error summary links to: the control, or a group's first choice.
    pub fn anchor(&self) -> String {
        match (self.kind, self.choices.first()) {
            (Kind::Radios | Kind::Checkboxes, Some(c)) => self.choice_id(c),
            _ => self.id.clone(),
        }
    }
}

/// A form on a page: where it posts, its fields and what it sends back.
pub struct FormView<'f> {
    pub prefix: String,
    pub form: &'f Form,
    pub fields: Vec<Field>,
}

impl<'f> FormView<'f> {
    pub fn new(prefix: impl Into<String>, form: &'f Form) -> Self {
        FormView {
            prefix: prefix.into(),
            form,
            fields: vec![],
        }
    }

    /// Adds a field. What the user typed wins over `default`, so a form sent
    /// back with errors shows their text, not the stored one.
    pub fn field(
        &mut self,
        name: &'static str,
        label: String,
        kind: Kind,
        default: &str,
    ) -> &mut Field {
        let value = self.form.value(name).unwrap_or(default).to_string();
        self.fields.push(Field {
            name,
            id: format!("{}-{}", self.prefix, name.replace('_', "-")),
            label,
            hint: None,
            error: self.form.error(name).map(str::to_string),
            value,
            kind,
            choices: vec![],
            autocomplete: "",
        });
        self.fields.last_mut().expect("just pushed")
    }

    /// Adds a select or radio group; the choice equal to the value is selected.
    pub fn choice_field(
        &mut self,
        name: &'static str,
        label: String,
        kind: Kind,
        default: &str,
        choices: Vec<(String, String)>,
    ) -> &mut Field {
        // A form sent back lists each ticked box as a value of its own.
        let ticked: Vec<String> = if kind == Kind::Checkboxes {
            if self.form.values.is_empty() {
                default.split(',').map(|c| c.trim().to_string()).collect()
            } else {
                self.form
                    .values
                    .iter()
                    .filter(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
                    .collect()
            }
        } else {
            Vec::new()
        };
        let field = self.field(name, label, kind, default);
        let value = field.value.clone();
        field.choices = choices
            .into_iter()
            .map(|(v, label)| Choice {
                selected: if kind == Kind::Checkboxes {
                    ticked.contains(&v)
                } else {
                    v == value
                },
                value: v,
                label,
            })
            .collect();
        field
    }

    /// A select whose first choice is `blank` (nothing chosen yet), then `choices`.
    pub fn select_or_blank(
        &mut self,
        name: &'static str,
        label: String,
        default: &str,
        blank: String,
        choices: &[(String, String)],
    ) -> &mut Field {
        let mut all = vec![(String::new(), blank)];
        all.extend(choices.iter().cloned());
        self.choice_field(name, label, Kind::Select, default, all)
    }

    pub fn hidden(&mut self, name: &'static str, value: &str) {
        self.field(name, String::new(), Kind::Hidden, value);
    }

    /// The summary's lines: each error with a link to its field; an error
    /// for the whole form, or for a field not on it, without a link.
    pub fn summary(&self) -> Vec<SummaryItem> {
        self.form
            .errors
            .iter()
            .map(|(name, message)| {
                match self
                    .fields
                    .iter()
                    .find(|f| f.name == name && !f.is_hidden())
                {
                    Some(f) => SummaryItem {
                        href: Some(format!("#{}", f.anchor())),
                        text: format!("{}: {message}", f.label),
                    },
                    None => SummaryItem {
                        href: None,
                        text: message.clone(),
                    },
                }
            })
            .collect()
    }

    /// Errors that belong to no visible field, shown at the top of the form too.
    pub fn general_errors(&self) -> Vec<String> {
        self.form
            .errors
            .iter()
            .filter(|(name, _)| !self.fields.iter().any(|f| f.name == name && !f.is_hidden()))
            .map(|(_, m)| m.clone())
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct SummaryItem {
    pub href: Option<String>,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_win_and_errors_link_to_fields() {
        let form = Form {
            values: vec![("text".into(), "typed".into())],
            errors: vec![
                ("text".into(), "too long".into()),
                ("light".into(), "pick one".into()),
                ("".into(), "stale".into()),
            ],
        };
        let mut f = FormView::new("report", &form);
        f.field("text", "Text".into(), Kind::TextArea, "stored");
        f.choice_field(
            "light",
            "Light".into(),
            Kind::Radios,
            "",
            vec![("green".into(), "Green".into())],
        );
        assert_eq!(f.fields[0].value, "typed");
        assert_eq!(f.fields[0].described_by(), "report-text-error");
        let s = f.summary();
        assert_eq!(s[0].href.as_deref(), Some("#report-text"));
        assert_eq!(s[1].href.as_deref(), Some("#report-light-green"));
        assert_eq!(s[2].href, None);
        assert_eq!(f.general_errors(), ["stale"]);
    }
}
