import TerminalTypes

extension PromptEditor {
    /// The readline keys that edit or move within the line (the `:` prompt and the silence
    /// form's fields share them); false for any other key, which the caller handles.
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .backspace, .ctrl("h"): deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .ctrl("u"): killToStart()
        case .ctrl("k"): killToEnd()
        case .ctrl("w"): killWordBackward()
        case .char(let c): insert(String(c))
        default: return false
        }
        return true
    }
}
