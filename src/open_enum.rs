//! Open enums: the values a provider documents today, plus `Other` for one it adds
//! tomorrow. An answer with a new value still parses (nothing a provider adds may turn a
//! success into an error); a request refuses `Other` in its `validate`, naming the values
//! it knows, since an unknown value there is almost always a typo.

/// Declares an open enum of wire strings with serde (as a plain string) and, with the `ts`
/// feature, a TypeScript union of the known values and `string`.
macro_rules! open_enum {
    (
        $(#[$doc:meta])*
        $name:ident { $($(#[$variant_doc:meta])* $variant:ident = $wire:literal),* $(,)? }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$variant_doc])* $variant,)*
            /// A value this version of edgeroom does not know.
            Other(String),
        }

        impl $name {
            /// Every value this version knows, as the wire spells them.
            pub const KNOWN: &'static [&'static str] = &[$($wire),*];

            /// The wire form.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Other(other) => other,
                }
            }

            /// `Err` with the rule naming the known values, for `Other`.
            pub fn check(&self, field: &str) -> $crate::error::Result<()> {
                match self {
                    $name::Other(_) => Err($crate::error::Error::invalid(
                        field,
                        format_args!("must be one of {}", Self::KNOWN.join(", ")),
                    )),
                    _ => Ok(()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    $($wire => $name::$variant,)*
                    _ => $name::Other(value),
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name::from(value.to_owned())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> core::result::Result<Self, D::Error> {
                String::deserialize(deserializer).map($name::from)
            }
        }

        #[cfg(feature = "ts")]
        impl ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn decl() -> String {
                let known: Vec<String> = Self::KNOWN.iter().map(|v| format!("\"{v}\"")).collect();
                // `string & {}` keeps the known values as editor suggestions.
                format!("type {} = {} | (string & {{}});", stringify!($name), known.join(" | "))
            }
            fn decl_concrete() -> String {
                Self::decl()
            }
            fn name() -> String {
                stringify!($name).to_owned()
            }
            fn inline() -> String {
                Self::name()
            }
            fn inline_flattened() -> String {
                panic!("{} cannot be flattened", stringify!($name))
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(std::path::PathBuf::from(concat!(stringify!($name), ".ts")))
            }
        }
    };
}
pub(crate) use open_enum;
