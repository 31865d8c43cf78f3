/**
 * The standard statement of the Pakta Integritas (PermenPAN-RB 49/2011), word for word as in
 * REGULATIONS.md. It becomes a tenant's clause version 1; a Pemda may add or edit clauses later,
 * which is why the list is data. `{instansi}` is replaced by the Pemda's name in each pact.
 */
export const INSTANSI_PLACEHOLDER = '{instansi}';

export const defaultClauses: readonly string[] = [
  'Berperan secara pro aktif dalam upaya pencegahan dan pemberantasan Korupsi, Kolusi dan Nepotisme serta tidak melibatkan diri dalam perbuatan tercela;',
  'Tidak meminta atau menerima pemberian secara langsung atau tidak langsung berupa suap, hadiah, bantuan, atau bentuk lainnya yang tidak sesuai dengan ketentuan yang berlaku;',
  'Bersikap transparan, jujur, objektif, dan akuntabel dalam melaksanakan tugas;',
  'Menghindari pertentangan kepentingan (conflict of interest) dalam pelaksanaan tugas;',
  'Memberi contoh dalam kepatuhan terhadap peraturan perundang-undangan dalam melaksanakan tugas, terutama kepada pegawai yang berada di bawah pengawasan saya dan sesama pegawai di lingkungan kerja saya secara konsisten;',
  `Akan menyampaikan informasi penyimpangan integritas di ${INSTANSI_PLACEHOLDER} serta turut menjaga kerahasiaan saksi atas pelanggaran peraturan yang dilaporkannya;`,
  'Bila saya melanggar hal-hal tersebut di atas, saya siap menghadapi konsekuensinya.',
];
