import Terminal

/// What ncurses' `get_wch` hands the key decoder: each input is five bytes, a flag (key
/// code or character) and the value; SGR mouse reports arrive as runs of characters.
enum KeyDecoderTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        var reader = FuzzReader(bytes)
        var inputs: [KeyDecoder.Input] = []
        while !reader.isAtEnd {
            let flag = reader.byte()
            // Mostly characters, small values (ASCII: escape sequences) more often than not.
            let value: UInt32 = flag & 0x80 != 0 ? reader.uint32() : UInt32(reader.byte())
            inputs.append((isCode: flag & 0x07 == 0, value: value))
        }
        let decoded = KeyDecoder.decode(inputs)
        try check(decoded.count <= inputs.count, "\(decoded.count) events from \(inputs.count) inputs")
        for event in decoded {
            if case .event(.mouse(let mouse)) = event {
                try check(mouse.x >= 0 && mouse.y >= 0, "mouse at \(mouse.x),\(mouse.y)")
            }
        }
    }
}
