/** Indonesian text of the chart card (view toggle, downloads, states). */
export const chartStrings = {
  loading: 'Memuat grafik…',
  loadFailed: 'Grafik gagal dimuat. Muat ulang halaman, atau lihat datanya di tampilan Tabel.',
  viewChart: 'Grafik',
  viewTable: 'Tabel',
  viewLabel: (title: string) => `Tampilan ${title}`,
  downloadPng: 'PNG',
  downloadPngLabel: (title: string) => `Unduh grafik ${title} sebagai PNG`,
  downloadXlsx: 'Excel',
  downloadXlsxLabel: (title: string) => `Unduh tabel ${title} sebagai Excel (xlsx)`,
  chartLabel: (title: string) => `Grafik ${title}. Data yang sama tersedia di tampilan Tabel.`,
  emptyTitle: 'Belum ada data',
} as const;
