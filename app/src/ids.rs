//! Record ids as types of their own, so a form's id cannot be passed where a service's is wanted.
//!
//! Every id is the text of a UUID (version 7 for records made by [`crate::db::new_id`], so ids sort by creation
//! time; a few older or random-by-design ids are version 4), stored as `TEXT` on both engines. An id type is a
//! newtype over that text: it serialises as the bare string (in server function arguments, forms and JSON) and
//! binds and decodes in SQL as the string (`sqlx(transparent)`), so neither the wire nor the schema changes.
//!
//! An id arriving from outside (an address, a form) is taken as it is and looked up: an id that names nothing is
//! "not found", never an error of its own, so ids are not validated as UUIDs here. Declare an id with [`id!`]:
//!
//! ```text
//! crate::id!(
//!     /// A feedback form.
//!     FormId
//! );
//! ```

/// Declares an id newtype over `String` with the derives and conversions every id has: `Clone`, `Eq`,
/// `Hash`, `Ord`, `Debug`, `Default` (the empty id, which names nothing), serde as a bare string, `sqlx::Type`
/// as `TEXT` (server only), `Display`, `AsRef<str>`, `From<String>`/`From<&str>`, `as_str()` and, on the
/// server, `new()` for a fresh UUIDv7 id.
#[macro_export]
macro_rules! id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize,
        )]
        #[serde(transparent)]
        #[cfg_attr(feature = "ssr", derive(::sqlx::Type), sqlx(transparent))]
        pub struct $name(String);

        impl $name {
            /// A fresh id (a UUIDv7, see `db::new_id`).
            #[cfg(feature = "ssr")]
            #[allow(clippy::new_without_default, reason = "Default is the empty id; new() is a fresh one")]
            pub fn new() -> Self {
                Self($crate::db::new_id())
            }

            /// The id as text, as stored and as it appears in addresses.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// True for the empty id, which names nothing (a field left unchosen).
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }

            /// The id as owned text.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl ::std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        /// In a view, an id is an attribute value as its text (`value=form.id`).
        impl ::leptos::tachys::html::attribute::IntoAttributeValue for $name {
            type Output = String;
            fn into_attribute_value(self) -> String {
                self.0
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::id!(
        /// An id for the tests.
        ThingId
    );

    #[test]
    fn an_id_travels_as_its_bare_text() {
        let id = ThingId::from("0190-abc");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"0190-abc\"");
        assert_eq!(serde_json::from_str::<ThingId>("\"0190-abc\"").unwrap(), id);
        assert_eq!(id.to_string(), "0190-abc");
        assert_eq!(id, "0190-abc");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn fresh_ids_differ() {
        assert_ne!(ThingId::new(), ThingId::new());
    }
}
