@testable import KienNghiCore
