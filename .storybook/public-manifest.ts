/*
 * The Custom Elements Manifest as Storybook's Docs tables and controls should see it: each
 * element's public API only. The analyzer lists every member, including private (`#size`,
 * `#consumer`), protected (`task`, `context`, `catalog`), static (`formAssociated`) and
 * read-only ones (`draft`, `validity`: not something a story can set).
 */

interface Member {
  kind?: string;
  name?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
}

interface Declaration {
  members?: Member[];
  [key: string]: unknown;
}

interface Manifest {
  modules?: { declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** True for a member a page can set: a public, non-static, writable field. */
export function isPublicSetting(member: Member): boolean {
  return (
    member.kind === 'field' &&
    member.name !== undefined &&
    !member.name.startsWith('#') &&
    (member.privacy === undefined || member.privacy === 'public') &&
    member.static !== true &&
    member.readonly !== true
  );
}

/** A copy of `manifest` whose declarations list only public settable fields among their members. */
export function publicManifest<T extends object>(manifest: T): T {
  const source = manifest as Manifest;
  return {
    ...source,
    modules: source.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.members === undefined ? declaration : { ...declaration, members: declaration.members.filter(isPublicSetting) },
      ),
    })),
  } as T;
}
