/// Grafana's unit ids (packages/grafana-data/src/valueFormats/categories.ts), so lint can
/// catch a misspelt unit that Grafana would silently show as a literal suffix.
public enum GrafanaUnits {
    public static let ids: Set<String> = {
        let groups: [String] = [
            // Misc
            "none string short sishort percent percentunit humidity dB candela hex0x hex sci locale pixel",
            // Acceleration, angle, area
            "accMS2 accFS2 accG degree radian grad arcmin arcsec areaM2 areaF2 areaMI2 acres hectares",
            // Computation
            "flops mflops gflops tflops pflops eflops zflops yflops",
            // Concentration
            "ppm conppb conngm3 conngNm3 conμgm3 conμgNm3 conmgm3 conmgNm3 congm3 congNm3 conmgdL conmmolL",
            // Currency
            "currencyUSD currencyGBP currencyEUR currencyJPY currencyRUB currencyUAH currencyBRL currencyDKK "
                + "currencyISK currencyNOK currencySEK currencyCZK currencyCHF currencyPLN currencyBTC currencymBTC "
                + "currencyμBTC currencyZAR currencyINR currencyKRW currencyIDR currencyPHP currencyVND currencyTRY "
                + "currencyMYR currencyXPF currencyBGN currencyPYG currencyUYU currencyILS",
            // Data
            "bytes decbytes bits decbits kbytes deckbytes mbytes decmbytes gbytes decgbytes tbytes dectbytes "
                + "pbytes decpbytes",
            // Data rate
            "pps binBps Bps binbps bps KiBs Kibits KBs Kbits MiBs Mibits MBs Mbits GiBs Gibits GBs Gbits "
                + "TiBs Tibits TBs Tbits PiBs Pibits PBs Pbits",
            // Date and time
            "dateTimeAsIso dateTimeAsIsoNoDateIfToday dateTimeAsUS dateTimeAsUSNoDateIfToday dateTimeAsLocal "
                + "dateTimeAsLocalNoDateIfToday dateTimeAsSystem dateTimeFromNow",
            // Energy
            "watt kwatt megwatt gwatt mwatt Wm2 voltamp kvoltamp voltampreact kvoltampreact watth watthperkg "
                + "kwatth kwattm mwatth amph kamph mamph joule ev amp kamp mamp volt kvolt mvolt dBm mohm ohm "
                + "kohm Mohm farad µfarad nfarad pfarad ffarad henry mhenry µhenry lumens",
            // Flow, force, hash rate, mass, length
            "flowgpm flowcms flowcfs flowcfm litreh flowlpm flowmlpm lux forceNm forcekNm forceN forcekN "
                + "Hs KHs MHs GHs THs PHs EHs massmg massg masslb masskg masst "
                + "lengthmm lengthin lengthft lengthm lengthkm lengthmi",
            // Pressure, radiation, rotation, temperature
            "pressurembar pressurebar pressurekbar pressurepa pressurehpa pressurekpa pressurehg pressurepsi "
                + "radbq radci radgy radrad radsv radmsv radusv radrem radexpckg radr radsvh radmsvh radusvh "
                + "rotrpm rothz rotkhz rotmhz rotghz rotrads rotdegs celsius fahrenheit kelvin",
            // Time
            "hertz ns µs ms s m h d dtdurationms dtdurations dthms dtdhms timeticks clockms clocks",
            // Throughput
            "cps ops reqps rps wps iops eps mps recps rowsps cpm opm reqpm rpm wpm iopm epm mpm recpm rowspm",
            // Velocity, volume, boolean
            "velocityms velocitykmh velocitymph velocityknot mlitre litre m3 Nm3 dm3 gallons "
                + "bool bool_yes_no bool_on_off",
        ]
        return Set(groups.flatMap { $0.split(separator: " ").map(String.init) })
    }()

    /// Grafana's parameterised units: "suffix:req", "prefix:$", "si:W", "count:msg", ...
    public static let customPrefixes = ["suffix:", "prefix:", "si:", "count:", "currency:", "time:", "bool:"]

    public static func isKnown(_ unit: String) -> Bool {
        ids.contains(unit) || customPrefixes.contains { unit.hasPrefix($0) && unit.count > $0.count }
    }
}
