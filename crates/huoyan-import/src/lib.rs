//! Reading base data into Huoyan's domain records, and writing registers back to Excel.
//!
//! Sources:
//! - [`read_osm`]: an OpenStreetMap extract, PBF or XML (`.osm`, `.osm.gz`, `.osm.bz2`), told from
//!   its bytes (drivable roads, buildings, fire stations, hydrants and other water sources);
//!   [`read_osm_pbf`] reads PBF only;
//! - [`read_geojson`]: a brigade's own GIS layer, mapped onto one record type by a small TOML
//!   [`Mapping`] file (see `mappings/cambridge/` for real examples);
//! - [`read_table`]: a CSV or Excel register of units or water sources with Chinese headers.
//!
//! Every reader returns an [`ImportBatch`]: records with `id = 0` and `jurisdiction_id = 0`, each of
//! which has passed its own `validate()`, plus an [`ImportReport`] listing what was skipped and why.
//! Nothing here touches the database: the store writes a batch in one transaction, assigns
//! jurisdictions by point-in-polygon and classifies units. A file that cannot be read at all is an
//! [`ImportError`]; a bad feature or row is skipped and reported, never half-imported.
//!
//! Every reader keeps within [`limits`]: a file that claims or holds more (a sheet naming cell
//! XFD1048576, a zip bomb, a 100 MB CSV line) is refused with [`ImportError::TooLarge`] and a stable
//! code before anything is expanded, so a hostile upload cannot exhaust the server's memory.
//!
//! [`write_xlsx_units`] and [`write_xlsx_water_sources`] write the same registers back, with the
//! same headers, so an exported sheet can be edited and imported again.

mod batch;
mod error;
mod export;
mod geojson_layer;
pub mod limits;
mod mapping;
mod osm;
mod osm_format;
mod osm_records;
mod osm_rings;
mod osm_tags;
mod osm_xml;
mod table;
mod table_columns;
mod values;
mod xlsx;

pub use batch::{ImportBatch, ImportReport, MAX_SKIPPED_LISTED, NoProgress, Progress, Skipped};
pub use error::ImportError;
pub use export::{write_xlsx_units, write_xlsx_water_sources};
pub use geojson_layer::read_geojson;
pub use mapping::{FieldSpec, Layer, Mapping};
pub use osm::{OsmOptions, read_osm, read_osm_pbf};
pub use table::{TableFormat, TableLayer, read_table};
