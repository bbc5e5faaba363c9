//! Hostile input: garbage, truncation at every length, a huge length field, `@@` and `##` inside
//! addresses and payloads, frames glued together, and reserved ADU types (kept, not rejected).

use huoyan_gb26875::*;

const A1: &str = "404001000101203a091a090c790300000000385b0100000030000202010101280a000200020020202020202020202020202020202020202020202020202020202020202000023a091a090c462323";

fn a1() -> Vec<u8> {
    hex_to_bytes(A1).unwrap()
}

fn drain(d: &mut StreamDecoder) -> Vec<Result<Frame, StreamError>> {
    std::iter::from_fn(|| d.next_frame()).collect()
}

#[test]
fn truncated_at_every_length() {
    let b = a1();
    for n in 0..b.len() {
        let err = decode(&b[..n]).unwrap_err();
        assert!(matches!(err, DecodeError::Truncated { .. }), "{n}: {err}");
        let mut d = StreamDecoder::default();
        d.feed(&b[..n]);
        assert!(d.next_frame().is_none(), "{n}: a partial frame waits for more bytes");
    }
    let mut long = b.clone();
    long.push(0);
    assert_eq!(decode(&long), Err(DecodeError::TrailingBytes { expected: 78, got: 79 }));
}

#[test]
fn huge_length_field_is_refused_without_waiting() {
    let mut b = a1();
    b[24] = 0xff;
    b[25] = 0xff;
    assert_eq!(decode(&b), Err(DecodeError::AduTooLong { len: 65535 }));
    let mut d = StreamDecoder::new(2048);
    d.feed(&b);
    d.feed(&a1());
    let got = drain(&mut d);
    assert!(matches!(&got[0], Err(StreamError { error: DecodeError::AduTooLong { len: 65535 }, .. })));
    assert_eq!(got.iter().filter(|r| r.is_ok()).count(), 1, "{got:?}");
}

#[test]
fn markers_inside_addresses_and_payload() {
    let f = Frame {
        serial: 0x4040,
        version: Version { main: 0x23, user: 0x23 },
        time: TimeTag::new(2024, 1, 2, 3, 4, 5),
        source: Address(*b"@@##@@"),
        destination: Address(*b"##@@##"),
        command: Command::SendData,
        adu: Some(Adu::UitdConfig(vec![UitdConfigObject {
            text: ConfigText::from_bytes(b"@@##@@##".to_vec()).unwrap(),
        }])),
    };
    let bytes = encode(&f);
    assert_eq!(decode(&bytes), Ok(f.clone()));
    let mut input = b"##@@".to_vec(); // a false start first
    input.extend(&bytes);
    input.extend(&bytes);
    for chunk in [1, 3, 7, 64, 1000] {
        let mut d = StreamDecoder::default();
        input.chunks(chunk).for_each(|c| d.feed(c));
        let frames: Vec<_> = drain(&mut d).into_iter().filter_map(Result::ok).collect();
        assert_eq!(frames, [f.clone(), f.clone()], "chunk {chunk}");
    }
}

#[test]
fn glued_frames_and_pure_garbage() {
    let mut d = StreamDecoder::new(0);
    d.feed(&[0u8; 5000]);
    d.feed(&[b'#'; 3000]);
    assert!(drain(&mut d).is_empty());
    assert_eq!(d.discarded_bytes(), 8000);
    let mut glued = Vec::new();
    for _ in 0..50 {
        glued.extend(a1());
    }
    d.feed(&glued);
    assert_eq!(drain(&mut d).into_iter().filter(Result::is_ok).count(), 50);
    assert!(d.buffered() == 0);
}

#[test]
fn every_single_byte_corruption_is_an_error_or_a_frame() {
    let b = a1();
    for i in 0..b.len() {
        for x in [0x00, 0x23, 0x40, 0xff] {
            let mut c = b.clone();
            c[i] = x;
            let _ = decode(&c);
            let mut d = StreamDecoder::default();
            d.feed(&c);
            d.feed(&b);
            let got = drain(&mut d);
            assert!(got.iter().any(|r| r.as_ref().is_ok_and(|f| encode(f) == b)), "byte {i} = {x:02x}: {got:?}");
        }
    }
}

#[test]
fn reserved_and_vendor_types_are_kept() {
    // A vendor heartbeat: cmd 2 with a one-byte ADU 0x16 (reserved type 22).
    let mut f = decode(&a1()).unwrap();
    f.adu = Some(Adu::Raw { type_code: 0x16, bytes: vec![] });
    let back = decode(&encode(&f)).unwrap();
    assert_eq!(back, f);
    f.adu = Some(Adu::Raw { type_code: 200, bytes: vec![1, 2, 3] });
    let j = decode_hex_to_json(&bytes_to_hex(&encode(&f))).unwrap();
    assert_eq!(j["adu"]["type"]["name"], "用户自定义");
    assert_eq!(j["adu"]["raw"], "010203");
}

#[test]
fn known_type_with_wrong_length_is_an_adu_error() {
    let mut f = decode(&a1()).unwrap();
    f.adu = Some(Adu::Raw { type_code: 2, bytes: vec![2, 1] }); // says 2 objects, has 1 byte
    let err = decode(&encode(&f)).unwrap_err();
    assert!(matches!(err, DecodeError::Adu(AduError::Truncated { type_code: 2, index: 0, count: 2, len: 1 })));
    assert!(err.to_string().starts_with("bad application data unit: type 2: truncated"));
}

#[test]
fn unknown_commands_are_refused_user_defined_kept() {
    let mut b = a1();
    let cs = b.len() - 3;
    for (cmd, ok) in [(0u8, false), (7, false), (127, false), (128, true), (255, true)] {
        let old = b[26];
        b[26] = cmd;
        b[cs] = b[cs].wrapping_add(cmd).wrapping_sub(old);
        assert_eq!(decode(&b).is_ok(), ok, "command {cmd}");
    }
}
