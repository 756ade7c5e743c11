import * as classValidator from 'class-validator';
import { readEnvironment } from './environment';
import * as namespaces from './namespaces';

describe(readEnvironment.name, () => {
  const port = process.env.API_PORT;
  const publicBaseUrl = process.env.PUBLIC_BASE_URL;
  const validations = jest.spyOn(classValidator, 'validateSync');

  afterEach(() => {
    if (port === undefined) delete process.env.API_PORT;
    else process.env.API_PORT = port;
    if (publicBaseUrl === undefined) delete process.env.PUBLIC_BASE_URL;
    else process.env.PUBLIC_BASE_URL = publicBaseUrl;
    validations.mockClear();
  });

  it('should validate the environment once for all config namespaces', () => {
    process.env.API_PORT = '3100';
    for (const load of Object.values(namespaces)) if (typeof load === 'function') load();
    expect(validations).toHaveBeenCalledTimes(1);
  });

  it('should validate again when a variable it reads changed', () => {
    process.env.API_PORT = '3101';
    expect(readEnvironment().API_PORT).toBe(3101);
    process.env.API_PORT = '3102';
    expect(readEnvironment().API_PORT).toBe(3102);
    expect(validations).toHaveBeenCalledTimes(2);
  });

  it('should link to the API on its own port when no public base URL is set', () => {
    process.env.API_PORT = '3900';
    delete process.env.PUBLIC_BASE_URL;
    expect(namespaces.httpConfig().publicBaseUrl).toBe('http://localhost:3900');
    process.env.PUBLIC_BASE_URL = 'https://treffpunkt.arnsberg.example/';
    expect(namespaces.httpConfig().publicBaseUrl).toBe('https://treffpunkt.arnsberg.example');
  });

  it('should refuse a wrong value with the variable named', () => {
    process.env.API_PORT = 'eighty';
    expect(() => readEnvironment()).toThrow(/API_PORT/);
  });
});
