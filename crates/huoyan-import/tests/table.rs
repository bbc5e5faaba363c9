//! CSV and Excel registers with Chinese headers: encodings, header matching, bad rows reported by
//! spreadsheet row number, hostile files, and the Excel export round trip.

use huoyan_domain::{UnitClass, UseCategory, WaterKind, WaterStatus};
use huoyan_import::{ImportError, TableFormat, TableLayer, read_table, write_xlsx_units, write_xlsx_water_sources};

const UNITS_CSV: &str = "名称,统一社会信用代码,地址,经度,纬度,使用性质,建筑面积(㎡),层数,经营可燃商品,消防安全责任人,联系电话\n\
银川市某商场,91350100M000100Y43,解放西街1号,106.27,38.47,商场/市场,12000,5,是,张三,0951-1234567\n\
兴庆区某网吧,,文化街8号,106.28,38.48,网吧,300,1,否,李四,13800000000\n";

#[test]
fn gbk_csv_is_decoded() {
    let (bytes, _, lossy) = encoding_rs::GBK.encode(UNITS_CSV);
    assert!(!lossy);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let b = read_table(&bytes, TableFormat::Csv, TableLayer::Units).expect("GBK CSV reads");
    assert_eq!(b.units.len(), 2, "{:?}", b.report.skipped);
    let u = &b.units[0];
    assert_eq!(u.name, "银川市某商场");
    assert_eq!(u.use_category, UseCategory::Mall);
    assert_eq!(u.metrics.building_area_m2, Some(12000.0));
    assert_eq!(u.metrics.floors, Some(5));
    assert_eq!(u.metrics.combustible_goods, Some(true));
    assert_eq!(u.safety_manager.as_deref(), Some("张三"));
    assert_eq!(u.source_ref.as_deref(), Some("units:uscc/91350100M000100Y43"));
    assert_eq!(b.units[1].source_ref.as_deref(), Some("units:row/3"));
    assert!(u.classes.is_empty(), "units are not classified here");
    assert_eq!(b.report.imported.get("units"), Some(&2));
}

#[test]
fn bom_csv_and_english_headers() {
    let with_bom = format!("\u{feff}{UNITS_CSV}");
    let b = read_table(with_bom.as_bytes(), TableFormat::Csv, TableLayer::Units).expect("BOM CSV reads");
    assert_eq!(b.units.len(), 2);
    let csv = "code, kind ,status,lon,lat,flow_lps,last_inspected\nWS-1,hydrant_below,damaged,106.1,38.2,15,2025/3/1\n";
    let b = read_table(csv.as_bytes(), TableFormat::Csv, TableLayer::WaterSources).expect("English headers read");
    let w = &b.water_sources[0];
    assert_eq!((w.kind, w.status, w.flow_lps), (WaterKind::HydrantBelow, WaterStatus::Damaged, Some(15.0)));
    assert_eq!(w.last_inspected.as_deref(), Some("2025-03-01"));
    // Tab-separated, with units in brackets and a required-column star.
    let tsv = "*编号\t*类型\t流量（升/秒）\t经度\t纬度\n1号\t地上消火栓\t20\t106\t38\n";
    let b = read_table(tsv.as_bytes(), TableFormat::Csv, TableLayer::WaterSources).expect("TSV reads");
    assert_eq!(b.water_sources[0].flow_lps, Some(20.0));
}

#[test]
fn missing_required_column_is_named() {
    let csv = "编号,状态,经度,纬度\nA,完好,106,38\n";
    let err = read_table(csv.as_bytes(), TableFormat::Csv, TableLayer::WaterSources).expect_err("refused");
    match &err {
        ImportError::MissingColumn { column, .. } => assert_eq!(column, "类型"),
        other => panic!("unexpected {other}"),
    }
    assert!(err.to_string().contains("类型"), "{err}");
}

#[test]
fn bad_rows_are_skipped_with_row_numbers() {
    let csv = "名称,统一社会信用代码,经度,纬度,类型,床位数\n\
        好单位,,106.2,38.4,宾馆/旅馆,20\n\
        坐标错,,abc,38.4,hotel,\n\
        纬度错,,106.2,95,hotel,\n\
        类型错,,106.2,38.4,网红店,\n\
        代码错,91350100M000100Y44,106.2,38.4,hotel,\n\
        ,,,,,\n\
        床位错,,106.2,38.4,hotel,-3\n\
        ,,106.2,38.4,hotel,\n";
    let b = read_table(csv.as_bytes(), TableFormat::Csv, TableLayer::Units).expect("file reads");
    assert_eq!(b.units.len(), 1);
    assert_eq!(b.source_rows, [2]);
    let s = &b.report.skipped;
    for x in s {
        println!("{}: {}", x.location, x.reason);
    }
    let locations: Vec<&str> = s.iter().map(|x| x.location.as_str()).collect();
    assert_eq!(locations, ["第3行", "第4行", "第5行", "第6行", "第8行", "第9行"]);
    assert!(s[0].reason.contains("经度: \"abc\" 不是数字"), "{}", s[0].reason);
    assert!(s[1].reason.contains("纬度") && s[1].reason.contains("95"), "{}", s[1].reason);
    assert!(s[2].reason.contains("类型: \"网红店\""), "{}", s[2].reason);
    assert!(s[3].reason.contains("统一社会信用代码") && s[3].reason.contains("check character"), "{}", s[3].reason);
    assert!(s[4].reason.contains("床位数") && s[4].reason.contains("-3"), "{}", s[4].reason);
    assert!(s[5].reason.contains("名称"), "{}", s[5].reason);
    assert_eq!(b.report.skipped_total(), 6);
}

#[test]
fn empty_and_non_xlsx_files_are_refused() {
    let err = read_table(b"", TableFormat::Csv, TableLayer::Units).expect_err("empty refused");
    assert!(err.to_string().contains("empty"), "{err}");
    let err = read_table(b"\n\n,,\n", TableFormat::Csv, TableLayer::Units).expect_err("blank refused");
    assert!(err.to_string().contains("empty"), "{err}");
    let err = read_table(UNITS_CSV.as_bytes(), TableFormat::Xlsx, TableLayer::Units).expect_err("CSV as xlsx refused");
    assert!(matches!(err, ImportError::Format { .. }), "{err}");
    assert!(err.to_string().contains("xlsx"), "{err}");
    let err = read_table(b"", TableFormat::Xlsx, TableLayer::Units).expect_err("empty xlsx refused");
    assert!(matches!(err, ImportError::Format { .. }), "{err}");
    // A header and nothing else is a valid, empty register.
    let b = read_table("名称,经度,纬度,类型\n".as_bytes(), TableFormat::Csv, TableLayer::Units).expect("header only");
    assert!(b.units.is_empty());
    assert_eq!(b.report.imported.get("units"), Some(&0));
}

#[test]
fn ten_thousand_rows() {
    let mut csv = String::from("编号,类型,状态,经度,纬度,流量(L/s),最近检查日期\n");
    for i in 0..10_000 {
        csv.push_str(&format!(
            "XF-{i:05},地上消火栓,完好,{:.5},{:.5},{},2025-06-{:02}\n",
            106.0 + i as f64 * 1e-4,
            38.4,
            10 + i % 30,
            1 + i % 28
        ));
    }
    let started = std::time::Instant::now();
    let b = read_table(csv.as_bytes(), TableFormat::Csv, TableLayer::WaterSources).expect("reads");
    println!("10,000 rows in {:.2?}", started.elapsed());
    assert_eq!(b.water_sources.len(), 10_000);
    assert!(b.report.skipped.is_empty());
    let xlsx = write_xlsx_water_sources(&b.water_sources).expect("writes");
    let back = read_table(&xlsx, TableFormat::Xlsx, TableLayer::WaterSources).expect("reads back");
    assert_eq!(back.water_sources.len(), 10_000);
}

fn sample_units() -> Vec<huoyan_domain::Unit> {
    let csv = "名称,统一社会信用代码,地址,经度,纬度,类型,建筑面积,最大楼层面积,地下面积,层数,所在楼层,建筑高度,床位数,客房数,座位数,员工数,学生数,电脑台数,经营可燃商品,住宿与生产经营合用,防火分隔,文物保护级别,木结构,消防安全责任人,联系电话\n\
        某酒店,91110000600037341L,北京路2号,106.2712345678,38.4654321,宾馆/旅馆,5600.5,1200,300,12,1,45.2,180,90,200,60,,10,是,否,是,省级,否,王五,0951-7654321\n\
        某幼儿园,,,106.3,38.5,托儿所/幼儿园,,,,,,,,,,,120,,,,,,,,\n";
    read_table(csv.as_bytes(), TableFormat::Csv, TableLayer::Units).expect("sample").units
}

#[test]
fn units_round_trip_through_excel() {
    let mut units = sample_units();
    assert_eq!(units.len(), 2);
    units[0].classes = vec![UnitClass::KeyUnit, UnitClass::HighRisk];
    units[0].id = 7;
    units[0].jurisdiction_id = 3;
    let xlsx = write_xlsx_units(&units).expect("writes");
    let back = read_table(&xlsx, TableFormat::Xlsx, TableLayer::Units).expect("reads back");
    assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
    for (a, b) in units.iter().zip(&back.units) {
        let mut a = a.clone();
        a.id = 0;
        a.jurisdiction_id = 0;
        a.classes.clear();
        assert_eq!(&a, b);
    }
    assert_eq!(back.units[0].metrics.heritage_level.as_deref(), Some("provincial"));
}

#[test]
fn water_sources_round_trip_through_excel() {
    let csv = "编号,类型,状态,位置,经度,纬度,流量,压力,管径,容量,管理单位,最近检查日期,备注\n\
        XF-001,地下消火栓,损坏,解放街与文化路口,106.25,38.47,15.5,0.28,150,,市自来水公司,2025-11-03,井盖缺失\n\
        SC-01,消防水池,待核实,,106.3,38.5,,,,500,,,\n";
    let ws = read_table(csv.as_bytes(), TableFormat::Csv, TableLayer::WaterSources).expect("sample").water_sources;
    assert_eq!(ws.len(), 2);
    let xlsx = write_xlsx_water_sources(&ws).expect("writes");
    let back = read_table(&xlsx, TableFormat::Xlsx, TableLayer::WaterSources).expect("reads back");
    assert_eq!(ws, back.water_sources);
    assert_eq!(back.water_sources[0].last_inspected.as_deref(), Some("2025-11-03"));
}

#[test]
fn excel_cells_of_every_kind() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy/m/d");
    ws.write_string(0, 0, "XX大队消防水源登记表").unwrap();
    for (c, h) in ["编号", "类型", "经度", "纬度", "流量(L/s)", "最近检查日期", "备注"].iter().enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_number(3, 0, 101.0).unwrap();
    ws.write_string(3, 1, "消防水鹤").unwrap();
    ws.write_number(3, 2, 106.2).unwrap();
    ws.write_string(3, 3, " 38.4 ").unwrap();
    ws.write_number(3, 4, 30.0).unwrap();
    ws.write_date_with_format(3, 5, ExcelDateTime::from_ymd(2024, 12, 31).unwrap(), &date).unwrap();
    ws.write_string(4, 0, "102").unwrap();
    ws.write_string(4, 1, "pool").unwrap();
    ws.write_number(4, 2, 106.2).unwrap();
    ws.write_number(4, 3, 38.4).unwrap();
    ws.write_string(4, 5, "上周").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let b = read_table(&bytes, TableFormat::Xlsx, TableLayer::WaterSources).expect("reads");
    assert_eq!(b.water_sources.len(), 1, "{:?}", b.report.skipped);
    assert_eq!(b.source_rows, [4], "title row and blank row above the header count");
    let w = &b.water_sources[0];
    assert_eq!(w.code.as_deref(), Some("101"));
    assert_eq!(w.kind, WaterKind::WaterCrane);
    assert_eq!(w.lat, 38.4);
    assert_eq!(w.last_inspected.as_deref(), Some("2024-12-31"));
    assert_eq!(b.report.skipped[0].location, "第5行");
    assert!(b.report.skipped[0].reason.contains("最近检查日期: \"上周\""), "{}", b.report.skipped[0].reason);
}

#[test]
fn excel_row_numbers_count_leading_blank_rows_and_columns() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["名称", "经度", "纬度", "类型"].iter().enumerate() {
        ws.write_string(2, 1 + c as u16, *h).unwrap();
    }
    for (r, lat) in [(3u32, 38.0), (4, 99.0)] {
        ws.write_string(r, 1, "某店").unwrap();
        ws.write_number(r, 2, 106.0).unwrap();
        ws.write_number(r, 3, lat).unwrap();
        ws.write_string(r, 4, "商店").unwrap();
    }
    let b = read_table(&book.save_to_buffer().unwrap(), TableFormat::Xlsx, TableLayer::Units).expect("reads");
    assert_eq!(b.source_rows, [4]);
    assert_eq!(b.report.skipped[0].location, "第5行");
}
