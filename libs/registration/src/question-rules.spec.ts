import { AskedQuestion, checkQuestions, readAnswers } from './question-rules';

const question = (overrides: Partial<AskedQuestion>): AskedQuestion => ({
  id: 'q-text',
  type: 'text',
  label: 'Passport number',
  options: [],
  required: false,
  askedAt: ['answer'],
  ...overrides,
});

const diet = question({
  id: 'q-diet',
  type: 'single_choice',
  label: 'Dietary needs',
  options: ['None', 'Vegetarian', 'Vegan'],
  required: true,
});
const arrival = question({ id: 'q-date', type: 'date', label: 'Arrival date' });
const trips = question({
  id: 'q-trips',
  type: 'multiple_choice',
  label: 'Excursions',
  options: ['Ruhr', 'Sauerland'],
});
const interpreter = question({ id: 'q-yes', type: 'yes_no', label: 'Interpreter?' });
const flight = question({ id: 'q-flight', label: 'Flight', askedAt: ['sign_up'], required: true });
const ALL = [diet, arrival, trips, interpreter, flight];
const atAnswer = { askedAt: 'answer' as const, accepting: true };

describe(readAnswers.name, () => {
  it('should read each type into its stored form', () => {
    const { values, problems } = readAnswers(
      ALL,
      { 'q-diet': 'Vegan', 'q-date': '2031-05-02', 'q-trips': ['Sauerland', 'Ruhr', 'Ruhr'], 'q-yes': 'no' },
      atAnswer,
    );
    expect(problems).toEqual([]);
    expect(Object.fromEntries(values)).toEqual({
      'q-diet': 'Vegan',
      'q-date': '2031-05-02',
      'q-trips': ['Ruhr', 'Sauerland'],
      'q-yes': false,
    });
  });

  it('should name the question of a date that is no date and of a choice not offered', () => {
    const { problems } = readAnswers(
      ALL,
      { 'q-diet': 'Fish', 'q-date': '2031-02-30', 'q-trips': 'Alps' },
      atAnswer,
    );
    expect(problems).toEqual([
      { questionId: 'q-diet', label: 'Dietary needs', reason: 'not_offered' },
      { questionId: 'q-date', label: 'Arrival date', reason: 'not_a_date' },
      { questionId: 'q-trips', label: 'Excursions', reason: 'not_offered' },
    ]);
  });

  it('should require the required answers only of those who accept', () => {
    expect(readAnswers(ALL, {}, atAnswer).problems).toEqual([
      { questionId: 'q-diet', label: 'Dietary needs', reason: 'required' },
    ]);
    expect(readAnswers(ALL, {}, { askedAt: 'answer', accepting: false }).problems).toEqual([]);
  });

  it('should ask only the questions of the stage, and refuse answers to others', () => {
    expect(readAnswers(ALL, {}, { askedAt: 'sign_up', accepting: true }).problems).toEqual([
      { questionId: 'q-flight', label: 'Flight', reason: 'required' },
    ]);
    expect(readAnswers(ALL, { 'q-flight': 'LH 572', 'q-diet': 'None' }, atAnswer).problems).toEqual([
      { questionId: 'q-flight', label: 'q-flight', reason: 'unknown_question' },
    ]);
  });

  it('should treat empty text as no answer and refuse text that is too long or not text', () => {
    const passport = question({});
    expect(Object.fromEntries(readAnswers([passport], { 'q-text': '   ' }, atAnswer).values)).toEqual({
      'q-text': null,
    });
    expect(readAnswers([passport], { 'q-text': 'x'.repeat(2001) }, atAnswer).problems[0].reason).toBe(
      'too_long',
    );
    expect(readAnswers([passport], { 'q-text': ['a', 'b'] }, atAnswer).problems[0].reason).toBe('not_text');
    expect(readAnswers([interpreter], { 'q-yes': 'maybe' }, atAnswer).problems[0].reason).toBe('not_yes_no');
  });
});

describe(checkQuestions.name, () => {
  it('should tidy valid questions and default them to being asked with the answer', () => {
    const { questions, problems } = checkQuestions([
      { type: 'single_choice', label: ' Diet ', options: [' Vegan ', 'None'], sensitive: true },
      { type: 'text', label: 'Passport' },
    ]);
    expect(problems).toEqual([]);
    expect(questions[0]).toMatchObject({
      label: 'Diet',
      options: ['Vegan', 'None'],
      askedAt: ['answer'],
      required: false,
    });
  });

  it('should say which question is wrong and how', () => {
    const { problems } = checkQuestions([
      { type: 'text', label: '' },
      { type: 'multiple_choice', label: 'Trips', options: ['Ruhr', 'Ruhr'] },
      { type: 'date', label: 'Arrival', options: ['x', 'y'] },
      { type: 'yes_no', label: 'Interpreter', askedAt: [] },
    ]);
    expect(problems).toEqual([
      { field: 'questions[0].label', message: 'Question 1: the question needs a text.' },
      { field: 'questions[1].options', message: 'Question 2: the same answer is offered twice.' },
      {
        field: 'questions[2].options',
        message: 'Question 3: a date question offers no answers to choose from.',
      },
      {
        field: 'questions[3].askedAt',
        message: 'Question 4: asked at must name one or both of sign_up, answer.',
      },
    ]);
  });
});
