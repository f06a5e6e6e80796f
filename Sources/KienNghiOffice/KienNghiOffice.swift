public enum KienNghiOffice {}
