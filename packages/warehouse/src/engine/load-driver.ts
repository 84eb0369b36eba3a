import { CxError } from '@cx/model';

/**
 * Imports an optional peer dependency, or says how to install it (internal).
 *
 * @throws {@link CxError} `missing_driver` naming the npm package.
 */
export async function loadDriver<T>(name: string, load: () => Promise<unknown>): Promise<T> {
  try {
    const module = (await load()) as T & { default?: T };
    return (module.default ?? module) as T;
  } catch (error) {
    throw new CxError(
      'missing_driver',
      `This engine needs the npm package ${name}, an optional peer dependency of @cx/warehouse: npm install ${name}`,
      { cause: error },
    );
  }
}
