//! The error of a file that cannot be read (or written) at all. A single bad feature or row is not
//! an error: it is skipped and listed in the [`crate::ImportReport`].

/// Why a whole file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be opened or read.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// The file is not in the expected format (not a PBF, not JSON, not an xlsx, empty …).
    #[error("{file} is not readable: {reason}")]
    Format {
        /// The file or kind of file, e.g. `andorra.osm.pbf`, `GeoJSON`, `xlsx`.
        file: String,
        /// What is wrong, with the position when known (`line 3 column 7`, `blob 12`).
        reason: String,
    },
    /// A mapping file is invalid: unknown layer or field, bad option, property not in the data.
    #[error("mapping error: {0}")]
    Mapping(String),
    /// A required column is missing from a table.
    #[error("缺少必需列「{column}」(missing required column {column}); columns found: {found}")]
    MissingColumn {
        /// The column's Chinese header.
        column: String,
        /// The headers that were found, comma separated.
        found: String,
    },
    /// Writing a spreadsheet failed.
    #[error("cannot write xlsx: {0}")]
    Export(String),
}

impl ImportError {
    /// A [`ImportError::Format`] error.
    pub(crate) fn format(file: impl Into<String>, reason: impl Into<String>) -> ImportError {
        ImportError::Format { file: file.into(), reason: reason.into() }
    }
}
