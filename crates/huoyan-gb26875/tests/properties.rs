//! Property tests: generated frames of every ADU type survive encode → decode unchanged, decoded
//! bytes re-encode identically, the stream decoder finds every frame whatever the chunking and
//! the garbage between frames, and arbitrary bytes never make a decoder panic.

use huoyan_gb26875::*;
use proptest::prelude::*;

/// (type code, object size) of the fixed-size types.
const FIXED: &[(u8, usize)] = &[
    (1, 10),
    (2, 46),
    (3, 16),
    (4, 10),
    (5, 4),
    (7, 38),
    (8, 8),
    (21, 7),
    (24, 8),
    (25, 2),
    (28, 6),
    (61, 2),
    (62, 6),
    (63, 6),
    (64, 9),
    (65, 2),
    (66, 2),
    (67, 6),
    (68, 2),
    (81, 1),
    (84, 7),
    (85, 1),
    (86, 1),
    (88, 1),
    (89, 1),
    (90, 6),
    (91, 1),
];

fn fixed_adu() -> impl Strategy<Value = Vec<u8>> {
    (0..FIXED.len()).prop_flat_map(|i| {
        let (code, size) = FIXED[i];
        let max_n = ((MAX_ADU_LEN - 2) / size).min(255);
        (0..=max_n).prop_flat_map(move |n| {
            proptest::collection::vec(any::<u8>(), n * size).prop_map(move |body| {
                let mut adu = vec![code, n as u8];
                adu.extend(body);
                adu
            })
        })
    })
}

fn config_adu() -> impl Strategy<Value = Vec<u8>> {
    let text = proptest::collection::vec(any::<u8>(), 0..60);
    prop_oneof![
        proptest::collection::vec((any::<u8>(), any::<u8>(), text.clone()), 0..4).prop_map(|objs| {
            let mut adu = vec![6, objs.len() as u8];
            for (t, a, s) in objs {
                adu.extend([t, a, s.len() as u8]);
                adu.extend(s);
            }
            adu
        }),
        proptest::collection::vec(text, 0..3).prop_map(|objs| {
            let mut adu = vec![26, objs.len() as u8];
            for s in objs {
                adu.push(s.len() as u8);
                adu.extend(s);
            }
            adu
        }),
    ]
}

fn raw_adu() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<u8>().prop_filter("not implemented", |c| !IMPLEMENTED_TYPES.contains(c)),
        proptest::collection::vec(any::<u8>(), 0..200),
    )
        .prop_map(|(code, rest)| {
            let mut adu = vec![code];
            adu.extend(rest);
            adu
        })
}

fn adu_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![6 => fixed_adu(), 2 => config_adu(), 1 => raw_adu()]
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![(1u8..=6), (128u8..=255)].prop_map(|c| Command::from_code(c).unwrap())
}

fn frame() -> impl Strategy<Value = Frame> {
    (
        any::<u16>(),
        any::<[u8; 2]>(),
        any::<[u8; 6]>(),
        any::<[u8; 6]>(),
        any::<[u8; 6]>(),
        command(),
        proptest::option::of(adu_bytes()),
    )
        .prop_map(|(serial, v, t, s, d, command, adu)| Frame {
            serial,
            version: Version { main: v[0], user: v[1] },
            time: TimeTag::from_bytes(t),
            source: Address(s),
            destination: Address(d),
            command,
            adu: adu.map(|b| Adu::decode(&b).expect("generated ADU is well formed")),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn encode_decode_round_trip(f in frame()) {
        let bytes = try_encode(&f).unwrap();
        prop_assert!(bytes.len() <= MAX_FRAME_LEN);
        let back = decode(&bytes).unwrap();
        prop_assert_eq!(&back, &f);
        prop_assert_eq!(encode(&back), bytes.clone());
        let json = decode_hex_to_json(&bytes_to_hex(&bytes)).unwrap();
        prop_assert_eq!(json["serial"].as_u64(), Some(u64::from(f.serial)));
    }

    #[test]
    fn adu_bytes_reencode_identically(b in adu_bytes()) {
        let adu = Adu::decode(&b).unwrap();
        prop_assert_eq!(adu.encode(), b);
        prop_assert!(serde_json::to_value(&adu).is_ok());
    }

    #[test]
    fn stream_finds_every_frame(
        frames in proptest::collection::vec(frame(), 1..6),
        garbage in proptest::collection::vec(proptest::collection::vec(any::<u8>().prop_filter("no @", |b| *b != b'@'), 0..20), 6),
        chunk in 1usize..300,
    ) {
        let mut input = Vec::new();
        for (i, f) in frames.iter().enumerate() {
            input.extend(&garbage[i]);
            input.extend(encode(f));
        }
        input.extend(&garbage[5]);
        let mut d = StreamDecoder::new(0);
        let mut got = Vec::new();
        for c in input.chunks(chunk) {
            d.feed(c);
            while let Some(r) = d.next_frame() {
                got.push(r.unwrap());
            }
        }
        prop_assert_eq!(got, frames);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000), chunk in 1usize..500) {
        let _ = decode(&bytes);
        let _ = Adu::decode(&bytes);
        let mut d = StreamDecoder::new(0);
        for c in bytes.chunks(chunk) {
            d.feed(c);
            while d.next_frame().is_some() {}
            prop_assert!(d.buffered() < MAX_FRAME_LEN);
        }
    }

    #[test]
    fn mutated_frames_never_panic(f in frame(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = encode(&f);
        let i = at.index(bytes.len());
        bytes[i] = byte;
        if let Ok(f) = decode(&bytes) {
            // Whatever is accepted re-encodes to exactly the bytes received.
            prop_assert_eq!(encode(&f), bytes.clone());
        }
        let _ = decode_hex_to_json(&bytes_to_hex(&bytes));
        let mut d = StreamDecoder::default();
        d.feed(&bytes);
        while d.next_frame().is_some() {}
    }

    #[test]
    fn description_text_round_trip(s in "[\u{4e00}-\u{9fa5}Ａ-ｚA-Za-z0-9]{0,15}") {
        // Common CJK and full-width letters take two bytes in GB 18030: 15 fit in 31 bytes.
        prop_assert_eq!(Description::new(&s).text(), s.clone());
        prop_assert_eq!(ConfigText::new(&s).text(), s);
    }

    #[test]
    fn any_text_is_truncated_to_fit(s in "\\PC{0,40}") {
        prop_assert!(encode_gb18030(&s, DESCRIPTION_LEN).len() <= DESCRIPTION_LEN);
        let _ = Description::new(&s).text();
    }
}
