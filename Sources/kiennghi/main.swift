import KienNghiCLI

KienNghiCommand.main()
