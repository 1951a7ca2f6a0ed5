import Testing
@testable import Render

@Suite struct ListCursorTests {
    @Test func movingPastTheScreenScrollsByOneRow() {
        var cursor = ListCursor()
        for _ in 0..<5 { cursor.move(by: 1, count: 10, visibleRows: 4) }
        #expect(cursor.selection == 5)
        #expect(cursor.top == 2)
        #expect(cursor.visibleRange(count: 10, visibleRows: 4) == 2..<6)
    }

    @Test func pagesKeepOneRowOfContextAndStopAtTheEnds() {
        var cursor = ListCursor()
        cursor.page(1, count: 10, visibleRows: 4)
        #expect(cursor.selection == 3)
        cursor.page(1, count: 10, visibleRows: 4)
        cursor.page(1, count: 10, visibleRows: 4)
        cursor.page(1, count: 10, visibleRows: 4)
        #expect(cursor.selection == 9)
        #expect(cursor.top == 6)
        cursor.page(-1, count: 10, visibleRows: 4)
        #expect(cursor.selection == 6)
        #expect(cursor.top == 6)
        cursor.first()
        #expect(cursor.selection == 0 && cursor.top == 0)
        cursor.last(count: 10, visibleRows: 4)
        #expect(cursor.selection == 9 && cursor.top == 6)
    }

    @Test func aListThatShrankOrEmptiedLeavesNoIndexOutOfRange() {
        var cursor = ListCursor()
        cursor.last(count: 100, visibleRows: 10)
        cursor.clamp(count: 3, visibleRows: 10)
        #expect(cursor.selection == 2 && cursor.top == 0)
        cursor.clamp(count: 0, visibleRows: 10)
        #expect(cursor.selection == 0 && cursor.top == 0)
        #expect(cursor.visibleRange(count: 0, visibleRows: 10).isEmpty)
        cursor.move(by: .max, count: 5, visibleRows: 0)
        #expect(cursor.selection == 4)
        cursor.move(by: .min, count: 5, visibleRows: 0)
        #expect(cursor.selection == 0)
    }
}
