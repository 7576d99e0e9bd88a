/** @sextant/sdk: skeleton; filled by a later issue (see README). */
export const packageName = "@sextant/sdk";
